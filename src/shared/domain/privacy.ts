import { z } from '../zod'

/**
 * Least exposure in use (issue 9): document numbers and dates of birth are masked wherever the
 * desk shows them until the agent reveals a case (an audited action). Main masks before anything
 * reaches the renderer; these are the masks and the shapes both sides share.
 */

/** The bullet masked characters are shown as. */
export const MASK = '•'

/** The fields that are masked until a case is revealed. */
export const MASKED_FIELDS = ['documentNumber', 'dateOfBirth'] as const
export type MaskedField = (typeof MASKED_FIELDS)[number]

/**
 * `P12345678` → `P1••••78`: the first and last two characters, enough to tell two numbers of a
 * desk's cases apart at a glance, and always four bullets so the length is not shown either.
 */
export function maskDocumentNumber(value: string): string {
  const chars = [...value.trim()]
  const bullets = MASK.repeat(4)
  if (chars.length >= 7) return `${chars.slice(0, 2).join('')}${bullets}${chars.slice(-2).join('')}`
  if (chars.length >= 4) return `${chars[0]}${bullets}${chars[chars.length - 1]}`
  return bullets
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * `1974-08-12` → `19••-••-12`: century and day only. Another notation keeps its first and last
 * two digits and masks the digits between (`12.08.1974` → `12.••.••74`).
 */
export function maskDate(value: string): string {
  const iso = ISO_DATE.exec(value.trim())
  if (iso) return `${iso[1].slice(0, 2)}${MASK}${MASK}-${MASK}${MASK}-${iso[3]}`
  const digits = [...value].filter((c) => c >= '0' && c <= '9').length
  let seen = 0
  return [...value]
    .map((c) => {
      if (c < '0' || c > '9') return c
      seen++
      return seen <= 2 || seen > digits - 2 ? c : MASK
    })
    .join('')
}

export const DATE_PARTS = ['year', 'month', 'day'] as const
export type DatePart = (typeof DATE_PARTS)[number]

/**
 * How a masked field of the typed-vs-document table compares, worked out in main from the clear
 * values so the table can say that (and how) they differ without showing them.
 */
export const MaskedComparisonSchema = z.object({
  field: z.enum(MASKED_FIELDS),
  verdict: z.enum(['match', 'differs', 'notOnDocument', 'notTyped']),
  /**
   * What kind of difference: for dates the analysis' classification (`day-month-swapped`,
   * `year-differs`, `off-by-one-day`, …, `unreadable`); for document numbers `typo`,
   * `confusable-characters`, `check-digit-included`, `different`, `document-read-doubtful`.
   */
  kind: z.string().nullable(),
  /** Dates: which of year, month, day differ (so the masked parts can be highlighted). */
  differingParts: z.array(z.enum(DATE_PARTS)),
  /** Document numbers: how many characters differ (insertions, deletions, substitutions). */
  editCount: z.number().int().nullable(),
})
export type MaskedComparison = z.infer<typeof MaskedComparisonSchema>

/** One desk policy setting as the app shows it: the value in force, its default and why. */
export const PolicyEntrySchema = z.object({
  value: z.number().int(),
  default: z.number().int(),
  unit: z.string(),
  min: z.number().int(),
  max: z.number().int(),
  why: z.string(),
})
export type PolicyEntry = z.infer<typeof PolicyEntrySchema>

export const POLICY_KEYS = ['idleLockMinutes', 'retentionDays'] as const
export type PolicyKey = (typeof POLICY_KEYS)[number]

/** The result of one retention run (a dry run lists what it would delete). */
export const RetentionRunSchema = z.object({
  at: z.string(),
  dryRun: z.boolean(),
  /** Cases closed by a decision on or before this time had their images deleted. */
  closedBefore: z.string().nullable(),
  cases: z.number().int(),
  attempts: z.number().int(),
  /** Store files deleted (originals, previews, thumbnails, face crops), and their size. */
  files: z.number().int(),
  bytes: z.number().int(),
  /** Files kept because a case that is not purged (open, or closed more recently) uses the same bytes. */
  sharedKept: z.number().int(),
})
export type RetentionRun = z.infer<typeof RetentionRunSchema>

export const DeskPolicySchema = z.object({
  idleLockMinutes: PolicyEntrySchema,
  retentionDays: PolicyEntrySchema,
  lastRetentionRun: RetentionRunSchema.nullable(),
})
export type DeskPolicy = z.infer<typeof DeskPolicySchema>
