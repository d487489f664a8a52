import type { Db } from '../db/connection'
import { claimCaseIfUnassigned } from '../db/queries/cases'
import { getDecision, insertDecision, listDecisions, setCaseStatus } from '../db/queries/decisions'
import {
  DECISION_PURPOSES, STANDALONE_PURPOSES, STATUS_AFTER, type Decision, type DecisionKind,
} from '../../shared/domain/decision'
import type { CaseStatus } from '../../shared/domain/case'
import type { OutboxEntry } from '../../shared/domain/outbox'
import type { RemedyId } from '../../shared/domain/remedy'
import type { ReplyRequest } from '../../shared/domain/reply'
import { AppError } from '../../shared/result'
import type { AuditService } from './audit-service'
import type { OutboxService } from './outbox-service'
import type { RemediesService } from './remedies-service'
import type { ComposedReply, TemplatesService } from './templates-service'

export interface RecordDecision {
  caseId: number
  kind: DecisionKind
  reason: string
  remedies?: RemedyId[]
  agent?: string
  reply?: ReplyRequest
}

export interface DecisionResult {
  decision: Decision
  caseStatus: CaseStatus
  outbox: OutboxEntry | null
}

/**
 * Decisions close a case's round: request resubmission (with remedies), approve, reject, escalate.
 * The decision, the case's new status, the queued reply and their audit events are one
 * transaction: a failure anywhere leaves none of them.
 */
export class DecisionsService {
  constructor(
    private readonly db: Db,
    private readonly remedies: RemediesService,
    private readonly templates: TemplatesService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  list(casePk: number): { decisions: Decision[] } {
    this.remedies.context(casePk) // NOT_FOUND for an unknown case
    return { decisions: listDecisions(this.db, casePk) }
  }

  record(input: RecordDecision): DecisionResult {
    const agent = this.audit.agent(input.agent)
    const context = this.remedies.context(input.caseId)
    const { restriction } = context.remedies
    if (restriction.restricted && input.kind === 'request_resubmission') {
      throw new AppError('CONFLICT', `Case ${context.record.case_id} cannot be sent back for resubmission: it has signals the customer must not learn about (${restriction.reasons.map((r) => r.code).join(', ')}). Escalate it and send the holding reply.`)
    }
    if (restriction.restricted && input.kind !== 'escalate' && context.record.status !== 'escalated') {
      throw new AppError('CONFLICT', `Case ${context.record.case_id} has signals that need a second look (${restriction.reasons.map((r) => r.code).join(', ')}): escalate it first.`)
    }

    let composed: ComposedReply | null = null
    if (input.reply) {
      composed = this.composeChecked(input.caseId, { ...input.reply, remedies: input.reply.remedies ?? input.remedies }, agent, DECISION_PURPOSES[input.kind], input.kind)
    }
    const remedies = input.remedies ?? composed?.preview.remedies ?? (input.kind === 'request_resubmission' ? context.remedies.customer : [])
    if (input.kind === 'request_resubmission' && remedies.length === 0) {
      throw new AppError('BAD_INPUT', 'A resubmission request needs at least one remedy.')
    }

    const now = this.clock().toISOString()
    const status = STATUS_AFTER[input.kind]
    const result = this.db.transaction(() => {
      const id = insertDecision(this.db, {
        casePk: input.caseId, attemptPk: context.attempt.id, kind: input.kind, reason: input.reason, remedies, agent, decidedAt: now,
      })
      setCaseStatus(this.db, input.caseId, status, now)
      // The customer's answer comes back to whoever decided: the case lands in their "My open".
      claimCaseIfUnassigned(this.db, input.caseId, agent, now)
      this.audit.record('decision.recorded', agent, input.caseId, {
        decisionId: id, kind: input.kind, reason: input.reason, remedies, attempt: context.record.latest_attempt, statusBefore: context.record.status, statusAfter: status,
      })
      const entry = composed ? this.queueComposed(composed, id, agent) : null
      return { decision: getDecision(this.db, id)!, caseStatus: status, outbox: entry }
    })()
    if (result.outbox) this.outbox.kick()
    return result
  }

  /** A reply without a decision (a holding reply while the case stays where it is). */
  queueReply(casePk: number, reply: ReplyRequest, agentGiven?: string): OutboxEntry {
    const agent = this.audit.agent(agentGiven)
    const composed = this.composeChecked(casePk, reply, agent, STANDALONE_PURPOSES, null)
    const entry = this.db.transaction(() => this.queueComposed(composed, null, agent))()
    this.outbox.kick()
    return entry
  }

  private composeChecked(casePk: number, reply: ReplyRequest, agent: string, purposes: readonly string[], kind: DecisionKind | null): ComposedReply {
    const composed = this.templates.compose(casePk, { ...reply, agent })
    if (!purposes.includes(composed.purpose)) {
      throw new AppError('BAD_INPUT', `A ${composed.purpose} template cannot be sent ${kind ? `with a ${kind} decision` : 'without a decision'} (allowed: ${purposes.join(', ')}).`)
    }
    if (!composed.preview.sendable) {
      this.audit.record('reply.blocked', agent, casePk, {
        templateKey: composed.templateKey, reason: composed.preview.blocked?.en, hits: composed.preview.guard.hits.map((h) => ({ category: h.category, term: h.term })),
      })
      throw new AppError('CONFLICT', composed.preview.blocked?.en ?? 'The reply cannot be sent.')
    }
    return composed
  }

  private queueComposed(composed: ComposedReply, decisionPk: number | null, agent: string): OutboxEntry {
    const { context, preview } = composed
    const entry = this.outbox.queue({
      casePk: context.record.id,
      caseId: context.record.case_id,
      decisionPk,
      templateKey: composed.templateKey,
      to: preview.to,
      subject: preview.subject,
      body: preview.body,
      locale: preview.locale,
      bundleThreadId: context.bundleThreadId,
    })
    this.audit.record('reply.queued', agent, context.record.id, {
      outboxId: entry.id, decisionId: decisionPk, templateKey: composed.templateKey, locale: preview.locale, messageId: entry.messageId,
      remedies: preview.remedies, subject: preview.subject,
    })
    return entry
  }
}
