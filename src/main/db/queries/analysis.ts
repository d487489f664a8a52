import type { Db } from '../connection'

export interface AttemptToAnalyse {
  id: number
  case_pk: number
  attempt: number
  case_json: string
  latest_attempt: number
}

export function attemptForAnalysis(db: Db, attemptPk: number): AttemptToAnalyse | undefined {
  return db
    .prepare(
      `SELECT a.id, a.case_pk, a.attempt, a.case_json, c.latest_attempt
       FROM attempts a JOIN cases c ON c.id = a.case_pk WHERE a.id = ?`,
    )
    .get(attemptPk) as AttemptToAnalyse | undefined
}

export function filesForAnalysis(db: Db, attemptPk: number) {
  return db
    .prepare('SELECT role, position, name, side, sha256, problem FROM attempt_files WHERE attempt_pk = ? ORDER BY role, position')
    .all(attemptPk) as { role: 'document' | 'selfie'; position: number; name: string; side: string | null; sha256: string | null; problem: string | null }[]
}

/** Attempts whose analysis never finished (new, queued, or running when the app stopped). */
export function unfinishedAttempts(db: Db): number[] {
  return db
    .prepare("SELECT id FROM attempts WHERE analysis_state IN ('not_analysed','queued','running') ORDER BY id")
    .pluck()
    .all() as number[]
}

export function allAttemptIds(db: Db): number[] {
  return db.prepare('SELECT id FROM attempts ORDER BY id').pluck().all() as number[]
}
