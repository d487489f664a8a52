import { z } from '../zod'
import type { CaseStatus } from './case'
import { RemedyIdSchema } from './remedy'
import type { TemplatePurpose } from './reply'

export const DECISION_KINDS = ['request_resubmission', 'approve_override', 'reject_final', 'escalate'] as const
export const DecisionKindSchema = z.enum(DECISION_KINDS)
export type DecisionKind = z.infer<typeof DecisionKindSchema>

/** The case's status after a decision. */
export const STATUS_AFTER: Record<DecisionKind, CaseStatus> = {
  request_resubmission: 'awaiting_customer',
  approve_override: 'approved',
  reject_final: 'rejected',
  escalate: 'escalated',
}

/** The template purposes a reply sent with each decision may have. */
export const DECISION_PURPOSES: Record<DecisionKind, readonly TemplatePurpose[]> = {
  request_resubmission: ['request_resubmission'],
  approve_override: ['approve'],
  reject_final: ['reject_final'],
  escalate: ['escalation_holding_reply', 'wait_for_review'],
}

/** Purposes a reply may have without a decision (a holding reply while the case stays open). */
export const STANDALONE_PURPOSES: readonly TemplatePurpose[] = ['wait_for_review', 'escalation_holding_reply']

export const DecisionSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  attempt: z.number().int(),
  kind: DecisionKindSchema,
  reason: z.string(),
  remedies: z.array(RemedyIdSchema),
  agent: z.string(),
  decidedAt: z.string(),
  /** The reply queued with it, if any. */
  outboxId: z.number().int().nullable(),
})
export type Decision = z.infer<typeof DecisionSchema>

export const AgentSchema = z.string().trim().min(1).max(100)

export const AUDIT_ACTIONS = [
  'case.images_viewed', 'decision.recorded', 'reply.queued', 'reply.sent', 'reply.retrying', 'reply.failed',
  'reply.retried', 'reply.cancelled', 'reply.copied', 'reply.eml_exported', 'reply.blocked', 'template.created',
  'template.updated', 'template.duplicated', 'template.deleted', 'templates.seeded', 'settings.smtp_changed',
  'settings.smtp_password_set', 'audit.exported',
  'case.assigned',
  'case.revealed', 'case.image_exported', 'session.locked', 'session.unlocked', 'settings.policy_changed', 'retention.purged',
  'keys.passphrase_set',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export const AuditEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  agent: z.string(),
  action: z.string(),
  caseId: z.number().int().nullable(),
  /** The platform's case id, when the event is about a case still in the database. */
  casePlatformId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
})
export type AuditEvent = z.infer<typeof AuditEventSchema>

export const AuditQuerySchema = z.object({
  caseId: z.number().int().positive().optional(),
  action: z.string().max(64).optional(),
  /** ISO date-times, inclusive. */
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
})
export type AuditQuery = z.input<typeof AuditQuerySchema>
