import type { Migration } from '../migrate'

/**
 * Replies: template descriptions, what the outbox needs to deliver exactly once (the template a
 * reply came from, the thread it belongs to, the server's last reply code), and a small
 * key/value table for app settings (SMTP settings without the password, the agent's name, the
 * database's install id that keeps Message-IDs unique across desks).
 */
export const m0004RepliesOutbox: Migration = {
  version: 4,
  name: 'replies-outbox',
  up(db) {
    db.exec(`
      ALTER TABLE templates ADD COLUMN description TEXT NOT NULL DEFAULT '';
      CREATE INDEX templates_key ON templates(key);

      ALTER TABLE outbox ADD COLUMN template_key TEXT;
      ALTER TABLE outbox ADD COLUMN references_ids TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE outbox ADD COLUMN last_code INTEGER;
      ALTER TABLE outbox ADD COLUMN updated_at TEXT;
      CREATE INDEX outbox_case ON outbox(case_pk, id);
      CREATE INDEX outbox_template ON outbox(template_key);
      CREATE INDEX outbox_decision ON outbox(decision_pk);

      CREATE TABLE app_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `)
  },
}
