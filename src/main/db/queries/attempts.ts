import type { Db } from '../connection'
import type { AttemptFile } from '../../../shared/domain/case'
import { deleteFaceEmbedding } from './cross-case'

export interface AttemptRecord {
  id: number
  case_pk: number
  attempt: number
  submitted_at: string
  platform_status: 'failed' | 'pending'
  account_id: string
  document_number_norm: string
  case_json: string
  content_hash: string
  source_label: string
  imported_at: string
  analysis_state: string
  analysed_at: string | null
  analysis_error: string | null
  primary_cause: string | null
  document_data: string | null
}

export function findAttempt(db: Db, casePk: number, attempt: number): AttemptRecord | undefined {
  return db.prepare('SELECT * FROM attempts WHERE case_pk = ? AND attempt = ?').get(casePk, attempt) as AttemptRecord | undefined
}

export function getAttempt(db: Db, id: number): AttemptRecord | undefined {
  return db.prepare('SELECT * FROM attempts WHERE id = ?').get(id) as AttemptRecord | undefined
}

export function listAttempts(db: Db, casePk: number): AttemptRecord[] {
  return db.prepare('SELECT * FROM attempts WHERE case_pk = ? ORDER BY attempt ASC').all(casePk) as AttemptRecord[]
}

export function latestAttemptNumber(db: Db, casePk: number): number {
  return (db.prepare('SELECT MAX(attempt) AS n FROM attempts WHERE case_pk = ?').get(casePk) as { n: number | null }).n ?? 0
}

export interface NewAttempt {
  casePk: number
  attempt: number
  submittedAt: string
  platformStatus: 'failed' | 'pending'
  accountId: string
  documentNumberNorm: string
  caseJson: string
  contentHash: string
  sourceLabel: string
  importedAt: string
}

export function insertAttempt(db: Db, a: NewAttempt): number {
  const info = db
    .prepare(
      `INSERT INTO attempts (case_pk, attempt, submitted_at, platform_status, account_id, document_number_norm, case_json,
        content_hash, source_label, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(a.casePk, a.attempt, a.submittedAt, a.platformStatus, a.accountId, a.documentNumberNorm, a.caseJson,
      a.contentHash, a.sourceLabel, a.importedAt)
  return Number(info.lastInsertRowid)
}

/** Removes an attempt and everything hanging off it (files, findings) — used by "replace". */
export function deleteAttempt(db: Db, id: number): void {
  // face_embeddings is a virtual table (no foreign key): its row goes explicitly, logged for the workers' copies.
  deleteFaceEmbedding(db, id)
  db.prepare('DELETE FROM attempts WHERE id = ?').run(id)
}

export interface NewAttemptFile {
  role: 'document' | 'selfie'
  position: number
  name: string
  side: string | null
  sha256: string | null
  previewSha256: string | null
  thumbSha256: string | null
  problem: string | null
}

export function insertAttemptFile(db: Db, attemptPk: number, f: NewAttemptFile): void {
  db.prepare(
    `INSERT INTO attempt_files (attempt_pk, role, position, name, side, sha256, preview_sha256, thumb_sha256, problem)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(attemptPk, f.role, f.position, f.name, f.side, f.sha256, f.previewSha256, f.thumbSha256, f.problem)
}

export function listAttemptFiles(db: Db, attemptPk: number): AttemptFile[] {
  const rows = db
    .prepare(
      `SELECT f.name, f.role, f.side, f.sha256, f.preview_sha256, f.thumb_sha256, f.problem, f.purged_at, a.mime, a.width, a.height, a.bytes
       FROM attempt_files f LEFT JOIN artifacts a ON a.sha256 = f.sha256
       WHERE f.attempt_pk = ? ORDER BY f.role, f.position`,
    )
    .all(attemptPk) as {
    name: string; role: 'document' | 'selfie'; side: AttemptFile['side']; sha256: string | null
    preview_sha256: string | null; thumb_sha256: string | null; problem: AttemptFile['problem']; purged_at: string | null
    mime: string | null; width: number | null; height: number | null; bytes: number | null
  }[]
  return rows.map((r) => ({
    name: r.name,
    role: r.role,
    side: r.side,
    sha256: r.sha256,
    mime: r.mime,
    width: r.width,
    height: r.height,
    bytes: r.bytes,
    previewSha256: r.preview_sha256,
    thumbSha256: r.thumb_sha256,
    problem: r.problem,
    purgedAt: r.purged_at,
  }))
}

export function setAttemptAnalysis(
  db: Db,
  id: number,
  state: string,
  fields: { analysedAt?: string | null; error?: string | null; primaryCause?: string | null; documentData?: string | null } = {},
): void {
  db.prepare(
    `UPDATE attempts SET analysis_state = ?, analysed_at = COALESCE(?, analysed_at), analysis_error = ?,
      primary_cause = ?, document_data = COALESCE(?, document_data) WHERE id = ?`,
  ).run(state, fields.analysedAt ?? null, fields.error ?? null, fields.primaryCause ?? null, fields.documentData ?? null, id)
}
