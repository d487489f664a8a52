import type { Migration } from '../migrate'

/**
 * Retention (issue 9): the images of a closed case are deleted after the desk's retention period.
 * The rows stay, marked with when their files went, so the workspace can say "images deleted on
 * <date> under the retention policy" and findings, decisions and the audit log keep their
 * context. A closing decision is marked once the purge has handled it, and a partial index holds
 * only the closing decisions not handled yet, so the daily run reads what is newly due, not every
 * case ever closed (1.2 s at 100,000 cases without it). `purge_pending` lists files marked for
 * deletion until they are gone: a run stopped between the two is finished by the next. The
 * indexes on the sha256 columns let the purge ask "does anything kept use these bytes?" one
 * probe per column.
 */
export const m0006Retention: Migration = {
  version: 6,
  name: 'retention',
  up: (db) => {
    db.exec(`
      ALTER TABLE attempt_files ADD COLUMN purged_at TEXT;
      ALTER TABLE artifacts ADD COLUMN purged_at TEXT;
      ALTER TABLE decisions ADD COLUMN retention_applied_at TEXT;
      CREATE INDEX attempt_files_preview ON attempt_files(preview_sha256);
      CREATE INDEX attempt_files_thumb ON attempt_files(thumb_sha256);
      CREATE INDEX face_observations_crop ON face_observations(crop_sha256);
      CREATE INDEX decisions_retention_due ON decisions(decided_at)
        WHERE retention_applied_at IS NULL AND kind IN ('approve_override', 'reject_final');
      CREATE TABLE purge_pending (sha256 TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
    `)
  },
}
