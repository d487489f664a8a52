import { z } from '../zod'

/**
 * The `kyc-case/1` bundle (shared/spec/case-bundle.md), as zod schemas. This file is the single
 * source of the format: the importer validates with it and docs/case-bundle.schema.json is
 * generated from it. We accept more optional fields than the spec, never fewer; unknown
 * top-level fields pass through (kept raw, ignored).
 */

/** Exported for the generated JSON Schema (docs/case-bundle.schema.json). */
export const isoDate = /^\d{4}-\d{2}-\d{2}$/
// Hours 00–23, minutes 00–59, seconds 00–60 (leap second), offsets up to ±23:59.
export const isoDateTime = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/

function validCalendarDate(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** `2025-02-07` or `2025-02-07T10:15:00Z`. */
export const IsoDateOrDateTime = z
  .string()
  .refine((v) => (isoDate.test(v) || isoDateTime.test(v)) && validCalendarDate(v), {
    message: 'must be an ISO 8601 date (2025-02-07) or date-time (2025-02-07T10:15:00Z)',
  })

/** A calendar date only (dates of birth, expiry). */
export const IsoDate = z
  .string()
  .refine((v) => isoDate.test(v) && validCalendarDate(v), { message: 'must be an ISO 8601 date (YYYY-MM-DD)' })

/** A path inside the bundle: relative, `/` separators, no `..`, not absolute. */
export const BundlePath = z
  .string()
  .min(1)
  .max(512)
  .refine((p) => !p.startsWith('/') && !/^[a-zA-Z]:/.test(p), { message: 'must be relative, not an absolute path' })
  .refine((p) => !p.includes('\\'), { message: 'must use / separators, not \\' })
  .refine((p) => !p.split('/').includes('..'), { message: 'must not contain ".."' })
  .refine((p) => !p.split('/').some((s) => s === '' || s === '.'), { message: 'must not contain empty or "." segments' })
  .refine((p) => !p.includes('\0'), { message: 'must not contain NUL' })

const Alpha2 = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code (e.g. TW)')
/** ICAO 9303 codes: alpha-3, plus the special `D` (Germany) and codes such as `D<<`. */
const Alpha3 = z.string().regex(/^[A-Z][A-Z<]{0,2}$/, 'must be an ISO 3166-1 alpha-3 or ICAO code (e.g. TWN, D, UTO)')

export const DOCUMENT_TYPES = ['PASSPORT', 'ID_CARD', 'DRIVING_LICENCE', 'RESIDENCE_PERMIT'] as const
export const DocumentTypeSchema = z.enum(DOCUMENT_TYPES)
export type DocumentType = z.infer<typeof DocumentTypeSchema>

export const AddressSchema = z.object({
  line1: z.string().min(1),
  line2: z.string().optional(),
  city: z.string().min(1),
  region: z.string().optional(),
  postalCode: z.string().optional(),
  country: Alpha2,
})

export const FormSchema = z.object({
  // May be empty: people with a single name (ICAO 9303 primary identifier only) have no given
  // name, and their failed cases must still be importable.
  firstName: z.string().max(200),
  lastName: z.string().min(1).max(200),
  nativeName: z.string().max(200).optional(),
  dateOfBirth: IsoDate,
  sex: z.enum(['F', 'M', 'X']).optional(),
  nationality: Alpha3,
  documentType: DocumentTypeSchema,
  documentNumber: z.string().min(1).max(64),
  documentExpiry: IsoDate.optional(),
  issuingCountry: Alpha3,
  address: AddressSchema.optional(),
})
export type CaseForm = z.infer<typeof FormSchema>

export const DocumentFileSchema = z.object({
  file: BundlePath,
  side: z.enum(['front', 'back', 'single']),
  uploadedAt: IsoDateOrDateTime.optional(),
})

export const SelfieFileSchema = z.object({
  file: BundlePath,
  capturedAt: IsoDateOrDateTime.optional(),
})

export const ExtractedSchema = z.object({
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  dateOfBirth: z.string().optional(),
  documentNumber: z.string().optional(),
  documentExpiry: z.string().optional(),
  nationality: z.string().optional(),
  sex: z.string().optional(),
  issuingCountry: z.string().optional(),
  mrz: z.array(z.string()).min(2).max(3).optional(),
})

export const VendorSchema = z.object({
  name: z.string(),
  decision: z.enum(['RED', 'GREEN', 'PENDING']),
  rejectType: z.enum(['RETRY', 'FINAL']).optional(),
  labels: z.array(z.string()).optional(),
  comment: z.string().optional(),
  extracted: ExtractedSchema.optional(),
})

export const DeviceSchema = z.object({
  userAgent: z.string().max(2048).optional(),
  camera: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
  connection: z.enum(['wifi', 'cellular', 'ethernet', 'unknown']).optional(),
  clientVersion: z.string().max(64).optional(),
})

export const UploadSchema = z.object({
  file: BundlePath,
  startedAt: IsoDateOrDateTime,
  endedAt: IsoDateOrDateTime.optional(),
  bytesSent: z.number().int().nonnegative(),
  bytesTotal: z.number().int().nonnegative(),
  httpStatus: z.number().int().min(0).max(599).optional(),
  error: z.string().max(200).optional(),
})

export const LoginSchema = z.object({
  at: IsoDateOrDateTime,
  ip: z.string().max(64),
  country: z.string().max(3),
  deviceId: z.string().max(128),
  success: z.boolean(),
})

export const AccountSchema = z.object({
  createdAt: IsoDateOrDateTime,
  twoFactorEnabled: z.boolean(),
  passwordChangedAt: IsoDateOrDateTime.optional(),
  logins: z.array(LoginSchema).max(10_000).optional(),
})

export const CaseBundleSchema = z.looseObject({
  schema: z.literal('kyc-case/1'),
  caseId: z.string().min(1).max(128),
  attempt: z.number().int().min(1).max(10_000),
  submittedAt: IsoDateOrDateTime,
  status: z.enum(['failed', 'pending']).default('failed'),
  locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag (e.g. zh-CN)'),
  applicant: z.object({
    accountId: z.string().min(1).max(128),
    email: z.string().email(),
    phone: z.string().max(64).optional(),
    residenceCountry: Alpha2.optional(),
  }),
  form: FormSchema,
  documents: z.array(DocumentFileSchema).max(20),
  selfies: z.array(SelfieFileSchema).max(20),
  vendor: VendorSchema.optional(),
  device: DeviceSchema.optional(),
  uploads: z.array(UploadSchema).max(1000).optional(),
  account: AccountSchema.optional(),
  expected: z.object({ causes: z.array(z.string()) }).optional(),
})
export type CaseBundle = z.infer<typeof CaseBundleSchema>
