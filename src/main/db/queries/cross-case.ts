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

export function putFaceEmbedding(db: Db, attemptPk: number, embedding: Float32Array, owner: FaceOwner): void {
  db.prepare('DELETE FROM face_embeddings WHERE rowid = ?').run(BigInt(attemptPk))
  db.prepare(
    `INSERT INTO face_embeddings (rowid, embedding, account_id, case_id, attempt, date_of_birth, name_key, submitted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(BigInt(attemptPk), Buffer.from(embedding.buffer, embedding.byteOffset, embedding.byteLength), owner.accountId, owner.caseId,
    BigInt(owner.attempt), owner.dateOfBirth, owner.nameKey, owner.submittedAt)
}

export function deleteFaceEmbedding(db: Db, attemptPk: number): void {
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
