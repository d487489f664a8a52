import type { Db } from '../connection'

/** Every attempt with its case.json and the causes its findings name (blocker or warning). */
export function attemptsWithDetectedCauses(db: Db) {
  return db
    .prepare(
      `SELECT c.case_id AS caseId, a.attempt, a.case_json AS caseJson, a.analysis_state AS state, a.analysis_error AS error,
         (SELECT group_concat(DISTINCT f.cause) FROM findings f WHERE f.attempt_pk = a.id AND f.severity <> 'info') AS causes
       FROM attempts a JOIN cases c ON c.id = a.case_pk ORDER BY c.case_id, a.attempt`,
    )
    .all() as { caseId: string; attempt: number; caseJson: string; state: string; error: string | null; causes: string | null }[]
}
