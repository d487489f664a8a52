import { z } from '../zod'

/**
 * queued → sending → sent; sending → retrying (4xx, connection error) → sending …;
 * sending → failed (5xx, or too many tries); queued/retrying/failed → cancelled;
 * failed/cancelled/retrying → queued by "retry". A row left in sending by a killed app goes back
 * to retrying once its lease expires (docs/replies.md).
 */
export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'retrying', 'failed', 'cancelled'] as const
export const OutboxStateSchema = z.enum(OUTBOX_STATES)
export type OutboxState = z.infer<typeof OutboxStateSchema>

export const OutboxEntrySchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  casePlatformId: z.string(),
  decisionId: z.number().int().nullable(),
  templateKey: z.string().nullable(),
  messageId: z.string(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  locale: z.string(),
  state: OutboxStateSchema,
  tries: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  /** The server's last answer (or the connection error), shown in the outbox view. */
  lastError: z.string().nullable(),
  lastCode: z.number().int().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
})
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>

export const OutboxQuerySchema = z.object({
  states: z.array(OutboxStateSchema).max(OUTBOX_STATES.length).optional(),
  caseId: z.number().int().positive().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
})
export type OutboxQuery = z.input<typeof OutboxQuerySchema>

export const OutboxPageSchema = z.object({
  entries: z.array(OutboxEntrySchema),
  total: z.number().int(),
  countsByState: z.record(z.string(), z.number().int()),
  /** Whether a sender is configured and running (false: replies wait in the queue). */
  sender: z.object({ configured: z.boolean(), running: z.boolean() }),
})
export type OutboxPage = z.infer<typeof OutboxPageSchema>

export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const

/** SMTP settings as stored and shown; the password is kept apart (SecretStore) and never shown. */
export const SmtpSettingsSchema = z.object({
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  /** tls = implicit TLS (465); starttls = upgrade required (587); none = plain (local relays, tests). */
  security: z.enum(SMTP_SECURITY),
  user: z.string().max(255).default(''),
  fromAddress: z.string().email(),
  fromName: z.string().max(200).default(''),
})
export type SmtpSettings = z.infer<typeof SmtpSettingsSchema>

export const SmtpSettingsViewSchema = z.object({
  settings: SmtpSettingsSchema.nullable(),
  passwordSet: z.boolean(),
  /** Where the password is kept: "safeStorage", "memory", "environment". */
  passwordStore: z.string(),
})
export type SmtpSettingsView = z.infer<typeof SmtpSettingsViewSchema>
