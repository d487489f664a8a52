import { z } from '../zod'
import { CAUSE_CODES, CauseSchema, type Cause } from './causes'
import { LocalizedTextSchema } from './finding'

/**
 * The remedy ids: stable, stored in findings and decisions, emitted by the analysers. Never
 * rename one, only add (and add its entry to resources/remedies.json).
 */
export const REMEDY_IDS = [
  'CORRECT_PERSONAL_DATA', 'TYPE_NAME_AS_IN_MRZ', 'CHECK_DATE_FORMAT', 'CHECK_DOCUMENT_NUMBER', 'USE_VALID_DOCUMENT',
  'RETAKE_DOCUMENT_PHOTO', 'RETAKE_WITHOUT_GLARE', 'RETAKE_IN_BETTER_LIGHT', 'SHOW_WHOLE_DOCUMENT',
  'USE_HIGHER_RESOLUTION', 'USE_COLOUR_ORIGINAL', 'UPLOAD_ORIGINAL_FILE', 'UPLOAD_BACK_SIDE', 'UPLOAD_DOCUMENT',
  'RETAKE_SELFIE', 'SELFIE_IN_DAYLIGHT', 'AVOID_BACKLIGHT', 'REMOVE_FACE_COVERINGS', 'FACE_CAMERA_STRAIGHT',
  'USE_720P_CAMERA', 'SELFIE_ALONE', 'SECURE_ACCOUNT', 'ENABLE_TWO_FACTOR', 'CHANGE_PASSWORD', 'ESCALATE_TO_COMPLIANCE',
  'USE_STABLE_WIFI', 'RETRY_UPLOAD', 'UPDATE_BROWSER', 'CLEAR_BROWSER_CACHE', 'TRY_ANOTHER_BROWSER', 'UPDATE_OS',
  'UPDATE_APP', 'USE_SUPPORTED_DEVICE', 'WAIT_FOR_REVIEW', 'CONTACT_SUPPORT',
] as const
export const RemedyIdSchema = z.enum(REMEDY_IDS)
export type RemedyId = z.infer<typeof RemedyIdSchema>

export const RemedyFixSchema = z.object({
  cause: CauseSchema,
  /** The sub-codes it fixes; absent = any sub-code of the cause. */
  codes: z.array(z.string()).optional(),
})

export const RemedySchema = z
  .object({
    id: RemedyIdSchema,
    fixes: z.array(RemedyFixSchema).min(1),
    /** True when the customer can fix it themselves and try again. */
    customerCanRetry: z.boolean(),
    /** Never shown to the customer (it would reveal a fraud or security signal, or is an agent action). */
    internalOnly: z.boolean(),
    /** What the agent reads (what it means, when to pick it). */
    agentText: LocalizedTextSchema,
    /** What the customer reads in a reply; null for internal-only remedies. */
    customerText: LocalizedTextSchema.nullable(),
  })
  .refine((r) => r.internalOnly === (r.customerText === null), {
    message: 'an internal-only remedy has no customer text, every other remedy has one',
  })
  .refine((r) => r.fixes.every((f) => (f.codes ?? []).every((c) => (CAUSE_CODES[f.cause] as readonly string[]).includes(c))), {
    message: 'fixes names a sub-code its cause does not have',
  })
export type Remedy = z.infer<typeof RemedySchema>

export const RemedyCatalogueSchema = z
  .object({
    schema: z.literal('kyc-remedies/1'),
    remedies: z.array(RemedySchema),
  })
  .refine((c) => new Set(c.remedies.map((r) => r.id)).size === c.remedies.length, { message: 'duplicate remedy id' })
  .refine((c) => REMEDY_IDS.every((id) => c.remedies.some((r) => r.id === id)), { message: 'a remedy id has no entry' })
export type RemedyCatalogue = z.infer<typeof RemedyCatalogueSchema>

export const RemedyReasonSchema = z.object({ code: z.string(), message: LocalizedTextSchema })

/**
 * Whether a case may receive anything but a holding reply: a fraud or security signal, or a
 * vendor FINAL rejection, sends it down the escalation path.
 */
export const RestrictionSchema = z.object({
  restricted: z.boolean(),
  reasons: z.array(RemedyReasonSchema),
})
export type Restriction = z.infer<typeof RestrictionSchema>

/** A typed value that differs from the document, for the "fields to correct" list of a reply. */
export const FieldToCorrectSchema = z.object({
  field: z.string(),
  label: LocalizedTextSchema,
  typed: z.string(),
  document: z.string(),
})
export type FieldToCorrect = z.infer<typeof FieldToCorrectSchema>

/** What the composer starts from for one case. */
export const CaseRemediesSchema = z.object({
  /** Pre-selected for the customer: blockers first, deduplicated, internal-only ones left out. */
  customer: z.array(RemedyIdSchema),
  /** For the agent only (internal-only remedies, and those of undisclosable findings). */
  internal: z.array(RemedyIdSchema),
  restriction: RestrictionSchema,
  fields: z.array(FieldToCorrectSchema),
  causes: z.array(CauseSchema),
})
export type CaseRemedies = z.infer<typeof CaseRemediesSchema>

export type { Cause }
