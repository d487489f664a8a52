import type { Migration } from '../migrate'

/**
 * A change log of face_embeddings (vec0 tables take no triggers, so the queries write it): one
 * row per attempt whose descriptor was last put or deleted, with an ever-growing sequence. Each
 * analysis worker keeps the descriptors in memory and catches up by reading only the attempts
 * changed since the sequence it has seen; re-reading the whole table instead would decrypt 51 MB
 * per 100,000 cases after every write, because any commit empties a reader's page cache.
 */
export const m0007FaceEmbeddingChanges: Migration = {
  version: 7,
  name: 'face-embedding-changes',
  up: (db) => {
    db.exec(`
      CREATE TABLE face_embedding_changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        attempt_pk INTEGER NOT NULL UNIQUE
      ) STRICT;
    `)
  },
}
