import type { Migration } from '../migrate'

export const m0003FaceEmbeddings: Migration = {
  version: 3,
  name: 'face-embeddings',
  up(db) {
    // One row per attempt (rowid = attempts.id): the descriptor of its best selfie face, with the
    // identity it was submitted under (to tell a second account of one person from a lookalike).
    // vec0 (sqlite-vec) scans 100,000 of them in C in ~13 ms, instead of comparing in JS.
    db.exec(`
      CREATE VIRTUAL TABLE face_embeddings USING vec0(
        embedding float[128],
        +account_id text,
        +case_id text,
        +attempt integer,
        +date_of_birth text,
        +name_key text,
        +submitted_at text
      );
    `)
  },
}
