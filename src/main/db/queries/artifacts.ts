import type { Db } from '../connection'

export interface ArtifactRecord {
  sha256: string
  mime: string
  bytes: number
  width: number | null
  height: number | null
}

/**
 * Content-addressed: inserting the same bytes twice is a no-op, except that bytes the retention
 * policy deleted and that are imported again are stored again (no longer purged).
 */
export function insertArtifact(db: Db, a: ArtifactRecord, now: string): void {
  db.prepare(
    `INSERT INTO artifacts (sha256, mime, bytes, width, height, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(sha256) DO UPDATE SET purged_at = NULL WHERE purged_at IS NOT NULL`,
  ).run(a.sha256, a.mime, a.bytes, a.width, a.height, now)
}

export function getArtifact(db: Db, sha256: string): ArtifactRecord | undefined {
  return db.prepare('SELECT sha256, mime, bytes, width, height FROM artifacts WHERE sha256 = ?').get(sha256) as
    | ArtifactRecord
    | undefined
}

/** Every sha256 the database refers to, for the store's orphan clean-up. */
export function referencedShas(db: Db): Set<string> {
  const rows = db.prepare('SELECT sha256 FROM artifacts').pluck().all() as string[]
  return new Set(rows)
}

/** Artifacts no file refers to any more (after a replace or a purge). */
export function deleteUnreferencedArtifacts(db: Db): number {
  return db
    .prepare(
      `DELETE FROM artifacts WHERE sha256 NOT IN (
         SELECT sha256 FROM attempt_files WHERE sha256 IS NOT NULL
         UNION SELECT preview_sha256 FROM attempt_files WHERE preview_sha256 IS NOT NULL
         UNION SELECT thumb_sha256 FROM attempt_files WHERE thumb_sha256 IS NOT NULL
         UNION SELECT crop_sha256 FROM face_observations WHERE crop_sha256 IS NOT NULL)`,
    )
    .run().changes
}
