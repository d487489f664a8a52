import { z } from '../zod'
import { RemedyIdSchema, RestrictionSchema } from './remedy'

/** One template per purpose; a decision kind accepts only the purposes listed in DECISION_PURPOSES. */
export const TEMPLATE_PURPOSES = ['request_resubmission', 'approve', 'reject_final', 'escalation_holding_reply', 'wait_for_review'] as const
export const TemplatePurposeSchema = z.enum(TEMPLATE_PURPOSES)
export type TemplatePurpose = z.infer<typeof TemplatePurposeSchema>

/** Every template must have these variants; `en` is the fallback for any other locale. */
export const REQUIRED_LOCALES = ['en', 'zh-CN'] as const
export const FALLBACK_LOCALE = 'en'

export const LocaleTagSchema = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag (e.g. zh-CN)')
export const TemplateKeySchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, _ and -, at most 64')

export const TemplateVariantSchema = z.object({
  locale: LocaleTagSchema,
  subject: z.string().min(1).max(500),
  body: z.string().min(1).max(50_000),
})
export type TemplateVariant = z.infer<typeof TemplateVariantSchema>

export const TemplateDraftSchema = z.object({
  key: TemplateKeySchema,
  purpose: TemplatePurposeSchema,
  description: z.string().max(1000).default(''),
  variants: z.array(TemplateVariantSchema).min(1).max(20),
})
export type TemplateDraft = z.input<typeof TemplateDraftSchema>

export const LINT_CODES = ['SYNTAX', 'UNKNOWN_VARIABLE', 'UNKNOWN_FILTER', 'RENDER', 'MISSING_LOCALE', 'DUPLICATE_LOCALE', 'EMPTY_REMEDIES', 'NO_REMEDY_LOOP'] as const
export const LintIssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.enum(LINT_CODES),
  locale: z.string().nullable(),
  part: z.enum(['subject', 'body']).nullable(),
  line: z.number().int().nullable(),
  message: z.string(),
})
export type LintIssue = z.infer<typeof LintIssueSchema>

export const TemplateSchema = z.object({
  key: z.string(),
  purpose: TemplatePurposeSchema,
  description: z.string(),
  variants: z.array(TemplateVariantSchema.extend({ updatedAt: z.string() })),
  /** Replies queued from it (not cancelled). */
  usage: z.number().int(),
  issues: z.array(LintIssueSchema),
})
export type Template = z.infer<typeof TemplateSchema>

/** The variables a template may use (documented in docs/replies.md and shown in the editor). */
export const TEMPLATE_VARIABLES = [
  { name: 'customer_name', en: 'The customer’s name as typed (native script for Chinese replies when given).', 'zh-CN': '客户填写的姓名（中文回复优先使用本国文字姓名）。' },
  { name: 'case_id', en: 'The platform’s case id, e.g. BN-2025-000123.', 'zh-CN': '平台的案件编号，例如 BN-2025-000123。' },
  { name: 'attempt', en: 'The attempt number (1, 2, …).', 'zh-CN': '第几次提交（1、2……）。' },
  { name: 'remedies', en: 'The selected remedies, in order: loop with {% for remedy in remedies %}; each has remedy.id and remedy.text (in the reply’s language).', 'zh-CN': '所选的补救措施（按顺序）：用 {% for remedy in remedies %} 循环；每项有 remedy.id 和 remedy.text（回复语言）。' },
  { name: 'fields', en: 'Fields to correct: each has field.label, field.typed (what the customer typed) and field.document (what the document shows).', 'zh-CN': '需更正的字段：每项有 field.label、field.typed（客户填写的值）和 field.document（证件上的值）。' },
  { name: 'deadline', en: 'The date to resubmit by, written in the reply’s language.', 'zh-CN': '重新提交的截止日期（回复语言格式）。' },
  { name: 'agent_name', en: 'The name of the agent sending the reply.', 'zh-CN': '发送回复的客服姓名。' },
] as const
export const TEMPLATE_VARIABLE_NAMES: readonly string[] = TEMPLATE_VARIABLES.map((v) => v.name)

export const DISCLOSURE_CATEGORIES = ['security', 'fraud', 'duplicate', 'compliance', 'internal_code', 'internal_remedy', 'vendor_label', 'account_advice'] as const
export const DisclosureHitSchema = z.object({
  category: z.enum(DISCLOSURE_CATEGORIES),
  term: z.string(),
  /** Where in the checked text (subject and body joined by a blank line). */
  index: z.number().int(),
  excerpt: z.string(),
})
export type DisclosureHit = z.infer<typeof DisclosureHitSchema>

export const GuardResultSchema = z.object({
  ok: z.boolean(),
  hits: z.array(DisclosureHitSchema),
  /** Why sending is blocked, in English and Chinese; null when ok. */
  reason: z.object({ en: z.string(), 'zh-CN': z.string() }).nullable(),
})
export type GuardResult = z.infer<typeof GuardResultSchema>

/** A reply to compose: from a stored template, optionally with the agent's edited text. */
export const ReplyRequestSchema = z.object({
  templateKey: TemplateKeySchema,
  /** Defaults to the case's locale (with fallback to en). */
  locale: LocaleTagSchema.optional(),
  /** Defaults to the pre-selected remedies. Order is kept. */
  remedies: z.array(RemedyIdSchema).max(40).optional(),
  /** The agent's edit of the rendered text; it goes through the disclosure guard all the same. */
  subject: z.string().min(1).max(500).optional(),
  body: z.string().min(1).max(50_000).optional(),
  /** Days from now for {{ deadline }} (default 14). */
  deadlineDays: z.number().int().min(1).max(365).optional(),
})
export type ReplyRequest = z.infer<typeof ReplyRequestSchema>

export const ReplyPreviewSchema = z.object({
  subject: z.string(),
  body: z.string(),
  /** The variant used (after fallback). */
  locale: z.string(),
  /** The locale asked for when a fallback was used, else null. */
  fallbackFrom: z.string().nullable(),
  to: z.string(),
  remedies: z.array(RemedyIdSchema),
  guard: GuardResultSchema,
  issues: z.array(LintIssueSchema),
  restriction: RestrictionSchema,
  /** True when this reply can be queued as it is (no lint error, guard ok, purpose allowed). */
  sendable: z.boolean(),
  /** Why it cannot be queued, when it cannot (the guard's reason, a lint error, the restriction). */
  blocked: z.object({ en: z.string(), 'zh-CN': z.string() }).nullable(),
})
export type ReplyPreview = z.infer<typeof ReplyPreviewSchema>
