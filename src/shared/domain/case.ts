import { z } from '../zod'
import { CAUSES, CauseSchema, SeveritySchema } from './causes'
import { DocumentTypeSchema } from './case-bundle'
import { DocumentDataSchema } from './document-data'
import { LocalizedTextSchema, RegionSchema } from './finding'
import { MaskedComparisonSchema } from './privacy'

/** Where a case stands in the desk's workflow (not the platform's verification status). */
export const CASE_STATUSES = ['new', 'pending', 'awaiting_customer', 'escalated', 'approved', 'rejected'] as const
export const CaseStatusSchema = z.enum(CASE_STATUSES)
export type CaseStatus = z.infer<typeof CaseStatusSchema>

export const ANALYSIS_STATES = ['not_analysed', 'queued', 'running', 'done', 'failed'] as const
export const AnalysisStateSchema = z.enum(ANALYSIS_STATES)

export const Sha256Schema = z.string().regex(/^[a-f0-9]{64}$/)

/** One row of the queue. */
export const CaseRowSchema = z.object({
  id: z.number().int(),
  caseId: z.string(),
  attempt: z.number().int(),
  attemptCount: z.number().int(),
  customerName: z.string(),
  email: z.string(),
  country: z.string(),
  documentType: DocumentTypeSchema,
  locale: z.string(),
  status: CaseStatusSchema,
  primaryCause: CauseSchema.nullable(),
  causes: z.array(CauseSchema),
  submittedAt: z.string(),
  assignee: z.string().nullable(),
  analysisState: AnalysisStateSchema,
})
export type CaseRow = z.infer<typeof CaseRowSchema>

/** How many countries the queue's side panel lists (the rest are reached by typing a code). */
export const QUEUE_COUNTRY_COUNTS = 12

export const QUEUE_SORTS = ['oldest', 'newest', 'attempt'] as const

export const QueueQuerySchema = z.object({
  statuses: z.array(CaseStatusSchema).max(CASE_STATUSES.length).optional(),
  /** Cases with any of these causes (on their latest attempt). */
  causes: z.array(CauseSchema).max(CAUSES.length).optional(),
  /** `me`: assigned to the agent using the app; `unassigned`: assigned to nobody. */
  assignee: z.enum(['me', 'unassigned']).optional(),
  country: z.string().max(3).optional(),
  minAttempt: z.number().int().min(1).optional(),
  olderThanHours: z.number().min(0).optional(),
  search: z.string().max(200).optional(),
  sort: z.enum(QUEUE_SORTS).default('oldest'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
})
export type QueueQuery = z.input<typeof QueueQuerySchema>

export const QueuePageSchema = z.object({
  rows: z.array(CaseRowSchema),
  /** Counted for the first page (offset 0) only; null on later pages of the same query. */
  total: z.number().int().nullable(),
})
export type QueuePage = z.infer<typeof QueuePageSchema>

/**
 * The side panel's counts for a query, each ignoring its own filter. Asked apart from the page
 * (cases:counts) so the rows are on screen before the counting, which reads the whole queue.
 */
export const QueueCountsSchema = z.object({
  countsByStatus: z.record(z.string(), z.number().int()),
  countsByCause: z.record(z.string(), z.number().int()),
  /** Largest first, at most QUEUE_COUNTRY_COUNTS. */
  countsByCountry: z.array(z.object({ country: z.string(), n: z.number().int() })),
})
export type QueueCounts = z.infer<typeof QueueCountsSchema>

export const FileProblemSchema = z.enum(['missing', 'empty', 'not-an-image', 'too-large', 'unreadable'])

/** A file of an attempt, as stored. Image bytes are fetched separately through the artifact URL. */
export const AttemptFileSchema = z.object({
  name: z.string(),
  role: z.enum(['document', 'selfie']),
  side: z.enum(['front', 'back', 'single']).nullable(),
  sha256: Sha256Schema.nullable(),
  mime: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  bytes: z.number().int().nullable(),
  previewSha256: Sha256Schema.nullable(),
  thumbSha256: Sha256Schema.nullable(),
  problem: FileProblemSchema.nullable(),
  /** When the retention policy deleted the file's images (original, preview, thumbnail); absent or null = kept. */
  purgedAt: z.string().nullable().optional(),
})
export type AttemptFile = z.infer<typeof AttemptFileSchema>

export const StoredFindingSchema = z.object({
  id: z.number().int(),
  cause: CauseSchema,
  code: z.string(),
  severity: SeveritySchema,
  confidence: z.number(),
  artifact: z.string().nullable(),
  region: RegionSchema.nullable(),
  evidence: z.record(z.string(), z.unknown()),
  explanation: LocalizedTextSchema,
  remedies: z.array(z.string()),
  analyser: z.string(),
  analyserVersion: z.string(),
})
export type StoredFinding = z.infer<typeof StoredFindingSchema>

/** A face found on a document or selfie, with its aligned crop for the side-by-side view. */
export const FaceObservationSchema = z.object({
  file: z.string(),
  role: z.enum(['document', 'selfie']),
  index: z.number().int(),
  box: RegionSchema,
  score: z.number(),
  pose: z.object({ yaw: z.number(), pitch: z.number(), roll: z.number() }).nullable(),
  cropSha256: Sha256Schema.nullable(),
})
export type FaceObservation = z.infer<typeof FaceObservationSchema>

export const AttemptDetailSchema = z.object({
  id: z.number().int(),
  attempt: z.number().int(),
  submittedAt: z.string(),
  importedAt: z.string(),
  platformStatus: z.enum(['failed', 'pending']),
  /** case.json as imported (unknown fields included), parsed. */
  bundle: z.record(z.string(), z.unknown()),
  files: z.array(AttemptFileSchema),
  findings: z.array(StoredFindingSchema),
  analysisState: AnalysisStateSchema,
  analysedAt: z.string().nullable(),
  analysisError: z.string().nullable(),
  primaryCause: CauseSchema.nullable(),
  documentData: DocumentDataSchema.nullable(),
  faces: z.array(FaceObservationSchema),
  /** While the case is masked: how the masked fields of the typed-vs-document table compare. */
  maskedFields: z.array(MaskedComparisonSchema).optional(),
})
export type AttemptDetail = z.infer<typeof AttemptDetailSchema>

/** How many other cases of the same account a case page lists (newest first). */
export const ACCOUNT_CASES_LISTED = 20

export const CaseDetailSchema = z.object({
  row: CaseRowSchema,
  attempts: z.array(AttemptDetailSchema),
  /** The account's other cases (another caseId, same accountId), newest first. */
  accountCases: z.array(CaseRowSchema),
  /** True while document numbers and dates of birth are masked (until `cases:reveal`). */
  masked: z.boolean().optional(),
})
export type CaseDetail = z.infer<typeof CaseDetailSchema>
