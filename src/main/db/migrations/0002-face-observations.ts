import type { Migration } from '../migrate'

export const m0002FaceObservations: Migration = {
  version: 2,
  name: 'face-observations',
  up(db) {
    db.exec(`
      CREATE TABLE face_observations (
        attempt_pk INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
        file TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('document','selfie')),
        face_index INTEGER NOT NULL,
        box TEXT NOT NULL,
        score REAL NOT NULL,
        pose TEXT,
        crop_sha256 TEXT REFERENCES artifacts(sha256),
        PRIMARY KEY (attempt_pk, file, face_index)
      ) STRICT;
    `)
  },
}
