import { z } from '../zod'

export const ImportErrorSchema = z.object({
  file: z.string(),
  path: z.string().optional(),
  rule: z.string(),
  message: z.string(),
})

export const ImportItemSchema = z.object({
  outcome: z.enum(['imported', 'added-attempt', 'replaced', 'unchanged', 'rejected']),
  source: z.string(),
  caseId: z.string().optional(),
  attempt: z.number().int().optional(),
  casePk: z.number().int().optional(),
  errors: z.array(ImportErrorSchema).optional(),
  quarantinedAt: z.string().optional(),
})
export type ImportItem = z.infer<typeof ImportItemSchema>

/** A background import as the renderer polls it. */
export const ImportJobSchema = z.object({
  id: z.number().int(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  paths: z.array(z.string()),
  processed: z.number().int(),
  imported: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  current: z.string(),
  error: z.string().nullable(),
  /** Rejections and conflicts in full; successes as a count (their list can be long). */
  problems: z.array(ImportItemSchema),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
})
export type ImportJob = z.infer<typeof ImportJobSchema>
