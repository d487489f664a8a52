import type { Db } from '../db/connection'
import { getCaseRecord, type CaseRecord } from '../db/queries/cases'
import { findAttempt, type AttemptRecord } from '../db/queries/attempts'
import { listFindings } from '../db/queries/findings'
import type { StoredFinding } from '../../shared/domain/case'
import type { CaseForm } from '../../shared/domain/case-bundle'
import type { DocumentData } from '../../shared/domain/document-data'
import type { CaseRemedies, Remedy, RemedyCatalogue, RemedyId } from '../../shared/domain/remedy'
import { AppError } from '../../shared/result'
import { assessRestriction, preselectRemedies, type VendorLike } from '../replies/case-remedies'
import { fieldsToCorrect } from '../replies/fields-to-correct'
import { remedyIndex } from '../replies/remedy-catalogue'
import { normaliseMessageId } from '../outbox/message'

/** Everything a reply about one case is composed from (its latest attempt). */
export interface CaseReplyContext {
  record: CaseRecord
  attempt: AttemptRecord
  findings: StoredFinding[]
  form: Partial<CaseForm>
  documentData: DocumentData | null
  vendor: VendorLike | undefined
  /** A Message-ID the platform gave for the customer's thread (bundle field thread.messageId). */
  bundleThreadId: string | null
  remedies: CaseRemedies
}

export class RemediesService {
  readonly index: ReadonlyMap<RemedyId, Remedy>

  constructor(
    private readonly db: Db,
    readonly catalogue: RemedyCatalogue,
  ) {
    this.index = remedyIndex(catalogue)
  }

  list(): { remedies: Remedy[] } {
    return { remedies: this.catalogue.remedies }
  }

  context(casePk: number): CaseReplyContext {
    const record = getCaseRecord(this.db, casePk)
    if (!record) throw new AppError('NOT_FOUND', `There is no case with id ${casePk}.`)
    const attempt = findAttempt(this.db, casePk, record.latest_attempt)
    if (!attempt) throw new AppError('NOT_FOUND', `Case ${record.case_id} has no attempt ${record.latest_attempt}.`)
    const bundle = JSON.parse(attempt.case_json) as { form?: Partial<CaseForm>; vendor?: VendorLike; thread?: { messageId?: unknown } }
    const findings = listFindings(this.db, attempt.id)
    const documentData = attempt.document_data ? (JSON.parse(attempt.document_data) as DocumentData) : null
    const form = bundle.form ?? {}
    const { customer, internal } = preselectRemedies(findings, this.catalogue)
    const restriction = assessRestriction(findings, bundle.vendor)
    const causes = [...new Set(findings.filter((f) => f.severity !== 'info').map((f) => f.cause))]
    return {
      record,
      attempt,
      findings,
      form,
      documentData,
      vendor: bundle.vendor,
      bundleThreadId: normaliseMessageId(bundle.thread?.messageId),
      remedies: { customer, internal, restriction, fields: fieldsToCorrect(findings, form, documentData?.fields ?? null), causes },
    }
  }

  /** What the composer starts from: pre-selected remedies, internal ones, restriction, fields to correct. */
  forCase(casePk: number): CaseRemedies {
    return this.context(casePk).remedies
  }
}
