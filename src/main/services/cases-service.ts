import type { Db } from '../db/connection'
import { getCaseRecord, listAccountCases, listQueue, queueCounts, resolveQueueQuery, setCaseAssignee, toCaseRow } from '../db/queries/cases'
import { listAttemptFiles, listAttempts } from '../db/queries/attempts'
import { listFindings } from '../db/queries/findings'
import { listFaceObservations } from '../db/queries/faces'
import { ACCOUNT_CASES_LISTED, type CaseDetail, type CaseRow, type QueueCounts, type QueuePage, type QueueQuery } from '../../shared/domain/case'
import type { AuditService } from './audit-service'
import { AppError } from '../../shared/result'

export class CasesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  list(query: QueueQuery): QueuePage {
    return listQueue(this.db, resolveQueueQuery(query, () => this.audit.agent()), this.clock())
  }

  counts(query: QueueQuery): QueueCounts {
    return queueCounts(this.db, resolveQueueQuery(query, () => this.audit.agent()), this.clock())
  }

  /** Takes a case for the agent (`me`) or returns it to the common pool; audited either way. */
  assign(id: number, to: 'me' | 'nobody', agentName?: string): CaseRow {
    const agent = this.audit.agent(agentName)
    const before = getCaseRecord(this.db, id)
    if (!before) throw new AppError('NOT_FOUND', `There is no case with id ${id}.`)
    const assignee = to === 'me' ? agent : null
    if (before.assignee !== assignee) {
      this.db.transaction(() => {
        setCaseAssignee(this.db, id, assignee, this.clock().toISOString())
        this.audit.record('case.assigned', agent, id, { from: before.assignee, to: assignee })
      })()
    }
    return toCaseRow(getCaseRecord(this.db, id)!)
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
    return { row: toCaseRow(record), attempts, accountCases: listAccountCases(this.db, record.account_id, id, ACCOUNT_CASES_LISTED) }
  }
}
