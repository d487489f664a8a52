import type { Db } from '../connection'

/**
 * The decisions that close a case, as the partial index `decisions_retention_due` (migration
 * 0006) lists them: the query must name them literally for SQLite to use that index.
 * RetentionService checks that this matches the decisions whose status is approved or rejected.
 */
export const CLOSING_KINDS_SQL = ['approve_override', 'reject_final'] as const
const KINDS = CLOSING_KINDS_SQL.map((k) => `'${k}'`).join(', ')

export interface DueCase {
  decisionPk: number
  casePk: number
  caseId: string
  status: string
  closedAt: string
  attempts: number
}

/**
 * Closing decisions taken on or before `closedBefore` that the purge has not handled yet and
 * that still close their case: the case's status is one of `statuses` and no later decision
 * exists. A case reopened since (a new attempt imported) has another status and is not selected.
 */
export function closedCasesDue(db: Db, closedBefore: string, statuses: readonly string[], limit = -1): DueCase[] {
  const s = statuses.map(() => '?').join(', ')
  return db
    .prepare(
      `SELECT d.id AS decisionPk, c.id AS casePk, c.case_id AS caseId, c.status AS status, d.decided_at AS closedAt,
         (SELECT COUNT(*) FROM attempts a WHERE a.case_pk = c.id) AS attempts
       FROM decisions d INDEXED BY decisions_retention_due
       JOIN cases c ON c.id = d.case_pk
       WHERE d.retention_applied_at IS NULL AND d.kind IN (${KINDS}) AND d.decided_at <= ?
         AND c.status IN (${s})
         AND d.id = (SELECT MAX(id) FROM decisions WHERE case_pk = c.id)
       ORDER BY d.decided_at
       LIMIT ?`,
    )
    .all(closedBefore, ...statuses, limit) as DueCase[]
}

export function markDecisionApplied(db: Db, decisionPk: number, at: string): void {
  db.prepare('UPDATE decisions SET retention_applied_at = ? WHERE id = ?').run(at, decisionPk)
}

/** Marks every file row of the case's attempts as purged; returns how many rows. */
export function markCaseFilesPurged(db: Db, casePk: number, at: string): number {
  return db
    .prepare('UPDATE attempt_files SET purged_at = ? WHERE purged_at IS NULL AND attempt_pk IN (SELECT id FROM attempts WHERE case_pk = ?)')
    .run(at, casePk).changes
}

/**
 * The cases of the batch being purged, in a temporary (in-memory) table, so that the search for
 * their artifacts reads their rows only, whatever was purged before and whatever time it is.
 */
export function setPurgeBatch(db: Db, casePks: readonly number[]): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS purge_batch (case_pk INTEGER PRIMARY KEY)')
  db.exec('DELETE FROM temp.purge_batch')
  const insert = db.prepare('INSERT OR IGNORE INTO temp.purge_batch (case_pk) VALUES (?)')
  for (const pk of casePks) insert.run(pk)
}

export interface PurgedReference {
  sha256: string
  bytes: number
  /** True when something kept (an unpurged file row, a face crop of an attempt with one) uses the same bytes. */
  stillUsed: boolean
}

/**
 * Artifacts (originals, previews, thumbnails, face crops) of the purged file rows of the cases in
 * the purge batch (setPurgeBatch), not deleted yet, each with whether anything kept still uses it: an unpurged file row naming it, or
 * a face crop of an attempt with an unpurged file. Bytes shared with a kept case stay; they are
 * deleted with the last case that uses them.
 */
export function purgedReferences(db: Db): PurgedReference[] {
  const rows = db
    .prepare(
      // The join order is forced (CROSS JOIN, MATERIALIZED): the temporary batch table has no
      // statistics, and left to itself the planner scanned every artifact (600 ms per batch of
      // 250 cases at 100,000 cases, instead of a few ms).
      `WITH purged_files AS MATERIALIZED (
         SELECT f.attempt_pk, f.sha256, f.preview_sha256, f.thumb_sha256
         FROM temp.purge_batch b CROSS JOIN attempts a ON a.case_pk = b.case_pk CROSS JOIN attempt_files f ON f.attempt_pk = a.id
         WHERE f.purged_at IS NOT NULL
       ),
       purged_refs(sha) AS MATERIALIZED (
         SELECT sha256 FROM purged_files WHERE sha256 IS NOT NULL
         UNION SELECT preview_sha256 FROM purged_files WHERE preview_sha256 IS NOT NULL
         UNION SELECT thumb_sha256 FROM purged_files WHERE thumb_sha256 IS NOT NULL
         UNION SELECT o.crop_sha256 FROM purged_files p CROSS JOIN face_observations o ON o.attempt_pk = p.attempt_pk
               WHERE o.crop_sha256 IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM attempt_files f WHERE f.attempt_pk = o.attempt_pk AND f.purged_at IS NULL)
       )
       SELECT a.sha256 AS sha256, a.bytes AS bytes,
         (EXISTS (SELECT 1 FROM attempt_files f WHERE f.sha256 = a.sha256 AND f.purged_at IS NULL)
          OR EXISTS (SELECT 1 FROM attempt_files f WHERE f.preview_sha256 = a.sha256 AND f.purged_at IS NULL)
          OR EXISTS (SELECT 1 FROM attempt_files f WHERE f.thumb_sha256 = a.sha256 AND f.purged_at IS NULL)
          OR EXISTS (SELECT 1 FROM face_observations o WHERE o.crop_sha256 = a.sha256
                       AND EXISTS (SELECT 1 FROM attempt_files f WHERE f.attempt_pk = o.attempt_pk AND f.purged_at IS NULL))) AS used
       FROM purged_refs r CROSS JOIN artifacts a ON a.sha256 = r.sha
       WHERE a.purged_at IS NULL
       ORDER BY a.sha256`,
    )
    .all() as { sha256: string; bytes: number; used: number }[]
  return rows.map((r) => ({ sha256: r.sha256, bytes: r.bytes, stillUsed: r.used === 1 }))
}

/** Marks the artifact purged and queues its file for deletion (purge_pending). */
export function markArtifactPurged(db: Db, sha256: string, at: string): void {
  db.prepare('UPDATE artifacts SET purged_at = ? WHERE sha256 = ? AND purged_at IS NULL').run(at, sha256)
  db.prepare('INSERT OR IGNORE INTO purge_pending (sha256) VALUES (?)').run(sha256)
}

/** Bytes imported again after they were marked (insertArtifact un-marks them) must not be deleted. */
export function dropRevivedPurges(db: Db): void {
  db.prepare('DELETE FROM purge_pending WHERE EXISTS (SELECT 1 FROM artifacts a WHERE a.sha256 = purge_pending.sha256 AND a.purged_at IS NULL)').run()
}

/** Files marked for deletion and not confirmed gone (normally only the current run's). */
export function pendingPurges(db: Db): string[] {
  return db.prepare('SELECT sha256 FROM purge_pending').pluck().all() as string[]
}

export function clearPendingPurges(db: Db, shas: readonly string[]): void {
  const del = db.prepare('DELETE FROM purge_pending WHERE sha256 = ?')
  db.transaction(() => {
    for (const sha of shas) del.run(sha)
  })()
}
