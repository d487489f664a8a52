import type { Db } from '../db/connection'
import { getCaseRecord, listQueue, queueCounts, toCaseRow } from '../db/queries/cases'
import { listAttemptFiles, listAttempts } from '../db/queries/attempts'
import { listFindings } from '../db/queries/findings'
import { listFaceObservations } from '../db/queries/faces'
import type { CaseDetail, QueuePage, QueueQuery } from '../../shared/domain/case'
import { AppError } from '../../shared/result'

export class CasesService {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  list(query: QueueQuery): QueuePage {
    const now = this.clock()
    return { ...listQueue(this.db, query, now), ...queueCounts(this.db, query, now) }
  }

  get(id: number): CaseDetail {
    const record = getCaseRecord(this.db, id)
    if (!record) throw new AppError('NOT_FOUND', `There is no case with id ${id}.`)
    const attempts = listAttempts(this.db, id).map((a) => ({
      id: a.id,
      attempt: a.attempt,
      submittedAt: a.submitted_at,
      importedAt: a.imported_at,
      platformStatus: a.platform_status,
      bundle: JSON.parse(a.case_json) as Record<string, unknown>,
      files: listAttemptFiles(this.db, a.id),
      findings: listFindings(this.db, a.id),
      analysisState: a.analysis_state as CaseDetail['attempts'][number]['analysisState'],
      analysedAt: a.analysed_at,
      analysisError: a.analysis_error,
      primaryCause: a.primary_cause as CaseDetail['attempts'][number]['primaryCause'],
      documentData: a.document_data ? JSON.parse(a.document_data) : null,
      faces: listFaceObservations(this.db, a.id),
    }))
    return { row: toCaseRow(record), attempts }
  }
}
