import { z } from '../zod'

/**
 * The stable cause codes of the public contract (shared/spec/causes.md). Stored in the database,
 * used in filters, templates and evaluation corpora: never rename one, only add.
 * Order = blocking rank: when a case has several causes, the earliest in this list that has a
 * blocker finding is the primary cause (see docs/analysis.md, "Primary cause").
 */
export const CAUSES = [
  'DOCUMENT_INCOMPLETE',
  'DOCUMENT_FILE_INVALID',
  'DOCUMENT_EXPIRED',
  'DOCUMENT_QUALITY',
  'IDENTITY_DATA_MISMATCH',
  'FACE_CAPTURE_FAILED',
  'FACE_MISMATCH',
  'DUPLICATE_IDENTITY',
  'ACCOUNT_SECURITY_RISK',
  'UPLOAD_NETWORK_FAILURE',
  'CLIENT_UNSUPPORTED',
  'REVIEW_BACKLOG',
] as const

export const CauseSchema = z.enum(CAUSES)
export type Cause = z.infer<typeof CauseSchema>

/** Causes a reply must never reveal to the customer (fraud and security signals). */
export const UNDISCLOSABLE_CAUSES: readonly Cause[] = ['ACCOUNT_SECURITY_RISK', 'DUPLICATE_IDENTITY']

/** The sub-codes we know today, per cause. Sub-codes are ours and may grow. */
export const CAUSE_CODES = {
  IDENTITY_DATA_MISMATCH: [
    'NAME', 'DATE_OF_BIRTH', 'DOCUMENT_NUMBER', 'NATIONALITY', 'SEX', 'ISSUING_COUNTRY',
    'DOCUMENT_EXPIRY', 'MRZ_CHECK_DIGIT', 'ADDRESS_FORMAT', 'UNDERAGE',
  ],
  DOCUMENT_EXPIRED: ['EXPIRED', 'EXPIRES_SOON'],
  DOCUMENT_QUALITY: ['BLURRY', 'GLARE', 'TOO_DARK', 'OVEREXPOSED', 'LOW_RESOLUTION', 'CROPPED', 'BLACK_AND_WHITE'],
  DOCUMENT_FILE_INVALID: ['TRUNCATED', 'CORRUPT', 'UNSUPPORTED_FORMAT', 'TOO_LARGE', 'TOO_SMALL', 'EDITED', 'MISSING_FILE'],
  DOCUMENT_INCOMPLETE: ['BACK_SIDE_MISSING', 'NO_DOCUMENT'],
  FACE_CAPTURE_FAILED: [
    'NO_FACE', 'MULTIPLE_FACES', 'FACE_TOO_SMALL', 'TOO_DARK', 'BACKLIT', 'OVEREXPOSED', 'BLURRY',
    'POSE', 'LOW_CAMERA_RESOLUTION', 'NO_SELFIE', 'EYES_CLOSED', 'FACE_COVERED',
  ],
  FACE_MISMATCH: ['LOW_SIMILARITY', 'NO_PORTRAIT_ON_DOCUMENT', 'NOT_COMPARABLE', 'FACES_MATCH'],
  ACCOUNT_SECURITY_RISK: ['IMPOSSIBLE_TRAVEL', 'NEW_DEVICE', 'FAILED_LOGINS', 'NO_TWO_FACTOR', 'RECENT_PASSWORD_CHANGE'],
  DUPLICATE_IDENTITY: ['SAME_DOCUMENT_NUMBER', 'SAME_FACE'],
  UPLOAD_NETWORK_FAILURE: ['TIMEOUT', 'INCOMPLETE_UPLOAD', 'REPEATED_RETRIES', 'UNSTABLE_CONNECTION'],
  CLIENT_UNSUPPORTED: ['OUTDATED_BROWSER', 'OUTDATED_OS', 'OUTDATED_CLIENT', 'UNSUPPORTED_BROWSER'],
  REVIEW_BACKLOG: ['PENDING_OVER_SLA'],
} as const satisfies Record<Cause, readonly string[]>

export const SEVERITIES = ['blocker', 'warning', 'info'] as const
export const SeveritySchema = z.enum(SEVERITIES)
export type Severity = z.infer<typeof SeveritySchema>
