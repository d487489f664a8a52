import type { Db } from '../connection'

/** Other accounts' attempts, submitted before `before`, that carry the same (normalised) document number. */
export function attemptsWithDocumentNumber(db: Db, normalised: string, excludeAccountId: string, before: string) {
  return db
    .prepare(
      `SELECT c.case_id AS caseId, a.attempt, a.account_id AS accountId
       FROM attempts a JOIN cases c ON c.id = a.case_pk
       WHERE a.document_number_norm = ? AND a.account_id <> ? AND a.submitted_at < ?
       ORDER BY a.submitted_at LIMIT 20`,
    )
    .all(normalised, excludeAccountId, before) as { caseId: string; attempt: number; accountId: string }[]
}

/** The attempts of other accounts whose best selfie face is nearest (euclidean) to this one. */
export function nearestFaces(db: Db, embedding: Float32Array, k: number) {
  return db
    .prepare(
      `SELECT rowid AS attemptPk, distance, account_id AS accountId, case_id AS caseId, attempt,
         date_of_birth AS dateOfBirth, name_key AS nameKey, submitted_at AS submittedAt
       FROM face_embeddings WHERE embedding MATCH ? AND k = ?`,
    )
    .all(Buffer.from(embedding.buffer, embedding.byteOffset, embedding.byteLength), k) as {
    attemptPk: number; distance: number; accountId: string; caseId: string; attempt: number; dateOfBirth: string; nameKey: string
    submittedAt: string
  }[]
}

export interface FaceOwner {
  accountId: string
  caseId: string
  attempt: number
  dateOfBirth: string
  nameKey: string
  submittedAt: string
}

/** Marks an attempt's descriptor as changed for the workers' in-memory copies (face-index-mirror.ts). */
function logFaceChange(db: Db, attemptPk: number): void {
  // One row per attempt: replacing it moves the attempt to a new, higher sequence number.
  db.prepare('INSERT OR REPLACE INTO face_embedding_changes (attempt_pk) VALUES (?)').run(attemptPk)
}

/** Call inside a transaction: the descriptor and its change-log row commit together. */
export function putFaceEmbedding(db: Db, attemptPk: number, embedding: Float32Array, owner: FaceOwner): void {
  logFaceChange(db, attemptPk)
  db.prepare('DELETE FROM face_embeddings WHERE rowid = ?').run(BigInt(attemptPk))
  db.prepare(
    `INSERT INTO face_embeddings (rowid, embedding, account_id, case_id, attempt, date_of_birth, name_key, submitted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(BigInt(attemptPk), Buffer.from(embedding.buffer, embedding.byteOffset, embedding.byteLength), owner.accountId, owner.caseId,
    BigInt(owner.attempt), owner.dateOfBirth, owner.nameKey, owner.submittedAt)
}

export function deleteFaceEmbedding(db: Db, attemptPk: number): void {
  logFaceChange(db, attemptPk)
  db.prepare('DELETE FROM face_embeddings WHERE rowid = ?').run(BigInt(attemptPk))
}

/**
 * Attempts of other accounts submitted AFTER `after` with this document number: their duplicate
 * check must be redone when an earlier submission arrives later (imports are not in time order).
 */
export function laterAttemptsWithDocumentNumber(db: Db, normalised: string, accountId: string, after: string): number[] {
  return db
    .prepare('SELECT id FROM attempts WHERE document_number_norm = ? AND account_id <> ? AND submitted_at > ?')
    .pluck()
    .all(normalised, accountId, after) as number[]
}

export function hasFaceEmbedding(db: Db, attemptPk: number): boolean {
  return db.prepare('SELECT 1 FROM face_embeddings WHERE rowid = ?').get(BigInt(attemptPk)) !== undefined
}

/** The newest change-log sequence number (0 when nothing has changed yet). */
export function lastFaceChange(db: Db): number {
  return db.prepare('SELECT coalesce(max(seq), 0) FROM face_embedding_changes').pluck().get() as number
}

/** Attempts whose descriptor was put or deleted after sequence `after`. */
export function faceChangesSince(db: Db, after: number): number[] {
  return db.prepare('SELECT attempt_pk FROM face_embedding_changes WHERE seq > ? ORDER BY seq').pluck().all(after) as number[]
}

export interface FaceEmbeddingRow extends FaceOwner {
  attemptPk: number
  embedding: Buffer
}

const EMBEDDING_ROW = `SELECT rowid AS attemptPk, embedding, account_id AS accountId, case_id AS caseId, attempt,
  date_of_birth AS dateOfBirth, name_key AS nameKey, submitted_at AS submittedAt FROM face_embeddings`

/** Every stored descriptor, in rowid order (a worker's first load). */
export function allFaceEmbeddings(db: Db): IterableIterator<FaceEmbeddingRow> {
  return db.prepare(EMBEDDING_ROW).iterate() as IterableIterator<FaceEmbeddingRow>
}

export function getFaceEmbedding(db: Db, attemptPk: number): FaceEmbeddingRow | undefined {
  return db.prepare(`${EMBEDDING_ROW} WHERE rowid = ?`).get(BigInt(attemptPk)) as FaceEmbeddingRow | undefined
}

/**
 * An in-memory copy of face_embeddings for a worker (never on disk: an in-memory database with
 * temp_store=MEMORY). The same columns as migration 0003, so nearestFaces() runs on either.
 * Creating it again empties it.
 */
export function createFaceEmbeddingsCopy(db: Db): void {
  db.exec(`
    DROP TABLE IF EXISTS face_embeddings;
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
}

const INSERT_ROW = `INSERT INTO face_embeddings (rowid, embedding, account_id, case_id, attempt, date_of_birth, name_key, submitted_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
const rowValues = (row: FaceEmbeddingRow) =>
  [BigInt(row.attemptPk), row.embedding, row.accountId, row.caseId, BigInt(row.attempt), row.dateOfBirth, row.nameKey, row.submittedAt] as const

/** Fills an empty in-memory copy (one prepared statement for all rows: preparing per row doubled the load). */
export function copyFaceEmbeddingRows(db: Db, rows: Iterable<FaceEmbeddingRow>): number {
  const insert = db.prepare(INSERT_ROW)
  let n = 0
  for (const row of rows) {
    insert.run(...rowValues(row))
    n++
  }
  return n
}

/** Copies one source row into the in-memory copy (no change-log row: the copy is never read back). */
export function putFaceEmbeddingRow(db: Db, row: FaceEmbeddingRow): void {
  db.prepare('DELETE FROM face_embeddings WHERE rowid = ?').run(BigInt(row.attemptPk))
  db.prepare(INSERT_ROW).run(...rowValues(row))
}

export function dropFaceEmbeddingRow(db: Db, attemptPk: number): void {
  db.prepare('DELETE FROM face_embeddings WHERE rowid = ?').run(BigInt(attemptPk))
}
