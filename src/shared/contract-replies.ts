import { z } from './zod'
import { AgentSchema, AuditEventSchema, AuditQuerySchema, DecisionKindSchema, DecisionSchema } from './domain/decision'
import { OutboxEntrySchema, OutboxPageSchema, OutboxQuerySchema, SmtpSettingsSchema, SmtpSettingsViewSchema } from './domain/outbox'
import { CaseRemediesSchema, RemedyIdSchema, RemedySchema } from './domain/remedy'
import {
  LintIssueSchema, ReplyPreviewSchema, ReplyRequestSchema, TemplateDraftSchema, TemplateKeySchema, TemplatePurposeSchema,
  TemplateSchema, TemplateVariantSchema,
} from './domain/reply'

/** A case's database id (CaseRow.id), as in cases:get. */
const CaseId = z.number().int().positive()
/** Who acts; absent = the agent name set in the app (settings:agent), else the OS user. */
const Agent = AgentSchema.optional()
const OutboxId = z.object({ id: z.number().int().positive(), agent: Agent }).strict()

/**
 * The channels of remedies, reply templates, decisions, the outbox and the audit log (issue 8).
 * Spread into the contract in contract.ts; names listed in channels.ts.
 */
export const repliesContract = {
  /** The remedy catalogue (agent and customer texts in en and zh-CN). */
  'remedies:list': {
    input: z.object({}).strict(),
    output: z.object({ remedies: z.array(RemedySchema) }),
  },
  /** Pre-selected remedies for a case, internal ones apart, whether it must be escalated, fields to correct. */
  'remedies:for-case': {
    input: z.object({ caseId: CaseId }).strict(),
    output: CaseRemediesSchema,
  },
  'templates:list': {
    input: z.object({}).strict(),
    output: z.object({ templates: z.array(TemplateSchema) }),
  },
  /** create: the key must be new; update: replaces every variant of the key. Refused while lint has errors. */
  'templates:save': {
    input: z.object({ mode: z.enum(['create', 'update']), template: TemplateDraftSchema, agent: Agent }).strict(),
    output: TemplateSchema,
  },
  'templates:duplicate': {
    input: z.object({ key: TemplateKeySchema, newKey: TemplateKeySchema.optional(), agent: Agent }).strict(),
    output: TemplateSchema,
  },
  'templates:delete': {
    input: z.object({ key: TemplateKeySchema, agent: Agent }).strict(),
    output: z.object({ deleted: z.literal(true) }),
  },
  /** Lint while editing: syntax, unknown variables/filters, missing locale variants, no remedy loop. */
  'templates:lint': {
    input: z.object({ purpose: TemplatePurposeSchema, variants: z.array(TemplateVariantSchema).min(1).max(20) }).strict(),
    output: z.object({ issues: z.array(LintIssueSchema) }),
  },
  /**
   * Renders a reply for a case (a stored template, or `draft` for live preview in the editor),
   * checks it with the disclosure guard and says whether it can be sent.
   */
  'templates:preview': {
    input: ReplyRequestSchema.extend({ caseId: CaseId, draft: TemplateDraftSchema.optional(), agent: Agent }).strict(),
    output: ReplyPreviewSchema,
  },
  /** Records a decision (required reason); with `reply`, queues the reply in the same transaction. */
  'decisions:record': {
    input: z.object({
      caseId: CaseId,
      kind: DecisionKindSchema,
      reason: z.string().trim().min(3).max(4000),
      remedies: z.array(RemedyIdSchema).max(40).optional(),
      reply: ReplyRequestSchema.optional(),
      agent: Agent,
    }).strict(),
    output: z.object({ decision: DecisionSchema, caseStatus: z.string(), outbox: OutboxEntrySchema.nullable() }),
  },
  'decisions:list': {
    input: z.object({ caseId: CaseId }).strict(),
    output: z.object({ decisions: z.array(DecisionSchema) }),
  },
  /** A holding reply without a decision (wait_for_review, escalation_holding_reply templates only). */
  'replies:queue': {
    input: z.object({ caseId: CaseId, reply: ReplyRequestSchema, agent: Agent }).strict(),
    output: OutboxEntrySchema,
  },
  'outbox:list': {
    input: OutboxQuerySchema.strict(),
    output: OutboxPageSchema,
  },
  /** failed / cancelled / retrying → queued, due now. */
  'outbox:retry': { input: OutboxId, output: OutboxEntrySchema },
  /** queued / retrying / failed → cancelled (a reply being sent cannot be cancelled). */
  'outbox:cancel': {
    input: z.object({ id: z.number().int().positive(), note: z.string().max(500).optional(), agent: Agent }).strict(),
    output: OutboxEntrySchema,
  },
  /** The reply's text, for "copy to clipboard". */
  'outbox:text': {
    input: OutboxId,
    output: z.object({ to: z.string(), subject: z.string(), body: z.string(), messageId: z.string() }),
  },
  /** The reply as an RFC 822 message for "save as .eml" (7-bit text; write it as latin1/ASCII bytes). */
  'outbox:eml': {
    input: OutboxId,
    output: z.object({ fileName: z.string(), content: z.string() }),
  },
  /** The renderer calls this every time it shows a case's images. */
  'audit:record-view': {
    input: z.object({ caseId: CaseId, files: z.array(z.string().max(512)).max(100).default([]), agent: Agent }).strict(),
    output: z.object({ recorded: z.literal(true) }),
  },
  'audit:list': {
    input: AuditQuerySchema.strict(),
    output: z.object({ events: z.array(AuditEventSchema), total: z.number().int() }),
  },
  /** The (filtered) audit log as CSV text, UTF-8 with BOM, RFC 4180 quoting. */
  'audit:export-csv': {
    input: AuditQuerySchema.omit({ limit: true, offset: true }).extend({ agent: Agent }).strict(),
    output: z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() }),
  },
  /** SMTP settings; never the password (only whether one is set). */
  'settings:smtp': {
    input: z.object({}).strict(),
    output: SmtpSettingsViewSchema,
  },
  'settings:smtp-save': {
    input: z.object({ settings: SmtpSettingsSchema, agent: Agent }).strict(),
    output: SmtpSettingsViewSchema,
  },
  /** Write-only: stores the SMTP password in the SecretStore (empty string removes it). */
  'settings:smtp-password': {
    input: z.object({ password: z.string().max(1000), agent: Agent }).strict(),
    output: SmtpSettingsViewSchema,
  },
  /** Connects and logs in to the SMTP server without sending. */
  'settings:smtp-test': {
    input: z.object({}).strict(),
    output: z.object({ ok: z.boolean(), message: z.string() }),
  },
  'settings:agent': {
    input: z.object({}).strict(),
    output: z.object({ name: z.string() }),
  },
  'settings:agent-save': {
    input: z.object({ name: AgentSchema }).strict(),
    output: z.object({ name: z.string() }),
  },
} as const

export const REPLY_CHANNELS = Object.keys(repliesContract) as (keyof typeof repliesContract)[]
