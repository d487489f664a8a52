import type { Db } from '../connection'
import type { Finding } from '../../../shared/domain/finding'
import type { StoredFinding } from '../../../shared/domain/case'

export interface FindingWithOrigin extends Finding {
  analyser: string
  analyserVersion: string
}

/** Replaces an attempt's findings (call inside a transaction: a re-run is all or nothing). */
export function replaceFindings(db: Db, attemptPk: number, findings: readonly FindingWithOrigin[]): void {
  db.prepare('DELETE FROM findings WHERE attempt_pk = ?').run(attemptPk)
  const insert = db.prepare(
    `INSERT INTO findings (attempt_pk, cause, code, severity, confidence, artifact, region, evidence, explanation, remedies,
      analyser, analyser_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const f of findings) {
    insert.run(attemptPk, f.cause, f.code, f.severity, f.confidence, f.artifact ?? null,
      f.region ? JSON.stringify(f.region) : null, JSON.stringify(f.evidence), JSON.stringify(f.explanation),
      JSON.stringify(f.remedies), f.analyser, f.analyserVersion)
  }
}

export function listFindings(db: Db, attemptPk: number): StoredFinding[] {
  const rows = db.prepare('SELECT * FROM findings WHERE attempt_pk = ? ORDER BY id').all(attemptPk) as {
    id: number; cause: string; code: string; severity: string; confidence: number; artifact: string | null
    region: string | null; evidence: string; explanation: string; remedies: string; analyser: string; analyser_version: string
  }[]
  return rows.map((r) => ({
    id: r.id,
    cause: r.cause as StoredFinding['cause'],
    code: r.code,
    severity: r.severity as StoredFinding['severity'],
    confidence: r.confidence,
    artifact: r.artifact,
    region: r.region ? JSON.parse(r.region) : null,
    evidence: JSON.parse(r.evidence),
    explanation: JSON.parse(r.explanation),
    remedies: JSON.parse(r.remedies),
    analyser: r.analyser,
    analyserVersion: r.analyser_version,
  }))
}
