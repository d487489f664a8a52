import type { Migration } from '../migrate'

export const m0001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL UNIQUE,
        account_id TEXT NOT NULL,
        email TEXT NOT NULL,
        customer_name TEXT NOT NULL,
        native_name TEXT,
        country TEXT NOT NULL,
        document_type TEXT NOT NULL,
        document_number TEXT NOT NULL,
        locale TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('new','pending','awaiting_customer','escalated','approved','rejected')),
        latest_attempt INTEGER NOT NULL,
        attempt_count INTEGER NOT NULL,
        submitted_at TEXT NOT NULL,
        primary_cause TEXT,
        causes TEXT NOT NULL DEFAULT '',
        analysis_state TEXT NOT NULL DEFAULT 'not_analysed',
        assignee TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cases_status_submitted ON cases(status, submitted_at);
      -- Walks the queue in age order and checks the common filters without touching the table.
      CREATE INDEX cases_queue_order ON cases(submitted_at, status, country, latest_attempt);
      CREATE INDEX cases_account ON cases(account_id);

      -- The causes of each case's latest attempt, one row each, so a cause filter is an index probe.
      CREATE TABLE case_causes (
        cause TEXT NOT NULL,
        case_pk INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        PRIMARY KEY (cause, case_pk)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_causes_case ON case_causes(case_pk);

      CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        case_pk INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        attempt INTEGER NOT NULL,
        submitted_at TEXT NOT NULL,
        platform_status TEXT NOT NULL CHECK (platform_status IN ('failed','pending')),
        account_id TEXT NOT NULL,
        document_number_norm TEXT NOT NULL,
        case_json TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        source_label TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        analysis_state TEXT NOT NULL DEFAULT 'not_analysed',
        analysed_at TEXT,
        analysis_error TEXT,
        primary_cause TEXT,
        document_data TEXT,
        UNIQUE (case_pk, attempt)
      ) STRICT;
      CREATE INDEX attempts_document_number ON attempts(document_number_norm);
      CREATE INDEX attempts_analysis_state ON attempts(analysis_state);

      CREATE TABLE artifacts (
        sha256 TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        width INTEGER,
        height INTEGER,
        created_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE attempt_files (
        attempt_pk INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('document','selfie')),
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        side TEXT,
        sha256 TEXT REFERENCES artifacts(sha256),
        preview_sha256 TEXT REFERENCES artifacts(sha256),
        thumb_sha256 TEXT REFERENCES artifacts(sha256),
        problem TEXT,
        PRIMARY KEY (attempt_pk, role, position)
      ) STRICT;
      CREATE INDEX attempt_files_sha ON attempt_files(sha256);

      CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        attempt_pk INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
        cause TEXT NOT NULL,
        code TEXT NOT NULL,
        severity TEXT NOT NULL CHECK (severity IN ('blocker','warning','info')),
        confidence REAL NOT NULL,
        artifact TEXT,
        region TEXT,
        evidence TEXT NOT NULL,
        explanation TEXT NOT NULL,
        remedies TEXT NOT NULL,
        analyser TEXT NOT NULL,
        analyser_version TEXT NOT NULL
      ) STRICT;
      CREATE INDEX findings_attempt ON findings(attempt_pk);

      CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        case_pk INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        attempt_pk INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('request_resubmission','approve_override','reject_final','escalate')),
        reason TEXT NOT NULL,
        remedies TEXT NOT NULL DEFAULT '[]',
        agent TEXT NOT NULL,
        decided_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX decisions_case ON decisions(case_pk);

      CREATE TABLE templates (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        locale TEXT NOT NULL,
        purpose TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (key, locale)
      ) STRICT;

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        case_pk INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        decision_pk INTEGER REFERENCES decisions(id),
        message_id TEXT NOT NULL UNIQUE,
        in_reply_to TEXT,
        to_address TEXT NOT NULL,
        subject TEXT NOT NULL,
        body_text TEXT NOT NULL,
        locale TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued','sending','sent','retrying','failed','cancelled')),
        tries INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT
      ) STRICT;
      CREATE INDEX outbox_due ON outbox(state, next_attempt_at);

      CREATE TABLE audit_events (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        agent TEXT NOT NULL,
        action TEXT NOT NULL,
        case_pk INTEGER,
        detail TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX audit_events_case ON audit_events(case_pk, at);
      CREATE TRIGGER audit_events_append_only_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
      CREATE TRIGGER audit_events_append_only_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;

      -- Trigram tokens: substring search on names (any script), e-mails and document numbers.
      CREATE VIRTUAL TABLE case_search USING fts5(
        case_id, customer_name, native_name, email, document_number,
        content='cases', content_rowid='id', tokenize='trigram'
      );
      CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN
        INSERT INTO case_search(rowid, case_id, customer_name, native_name, email, document_number)
        VALUES (new.id, new.case_id, new.customer_name, new.native_name, new.email, new.document_number);
      END;
      CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN
        INSERT INTO case_search(case_search, rowid, case_id, customer_name, native_name, email, document_number)
        VALUES ('delete', old.id, old.case_id, old.customer_name, old.native_name, old.email, old.document_number);
      END;
      CREATE TRIGGER cases_search_update AFTER UPDATE OF case_id, customer_name, native_name, email, document_number ON cases BEGIN
        INSERT INTO case_search(case_search, rowid, case_id, customer_name, native_name, email, document_number)
        VALUES ('delete', old.id, old.case_id, old.customer_name, old.native_name, old.email, old.document_number);
        INSERT INTO case_search(rowid, case_id, customer_name, native_name, email, document_number)
        VALUES (new.id, new.case_id, new.customer_name, new.native_name, new.email, new.document_number);
      END;

      CREATE TABLE quarantine (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        source_label TEXT NOT NULL,
        stored_at TEXT NOT NULL,
        errors TEXT NOT NULL
      ) STRICT;
    `)
  },
}
