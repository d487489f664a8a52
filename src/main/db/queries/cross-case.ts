import type { Db } from '../connection'

/** Other accounts' attempts that carry the same (normalised) document number. */
export function attemptsWithDocumentNumber(db: Db, normalised: string, excludeAccountId: string) {
  return db
    .prepare(
      `SELECT c.case_id AS caseId, a.attempt, a.account_id AS accountId
       FROM attempts a JOIN cases c ON c.id = a.case_pk
       WHERE a.document_number_norm = ? AND a.account_id <> ?
       ORDER BY a.submitted_at LIMIT 20`,
    )
    .all(normalised, excludeAccountId) as { caseId: string; attempt: number; accountId: string }[]
}
