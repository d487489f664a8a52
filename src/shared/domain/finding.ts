import { z } from '../zod'
import { CauseSchema, SeveritySchema } from './causes'

/** A normalised rectangle (0..1 of the image's width and height), for overlays. */
export const RegionSchema = z.object({
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  w: z.number().min(0).max(1),
  h: z.number().min(0).max(1),
})
export type Region = z.infer<typeof RegionSchema>

export const LocalizedTextSchema = z.object({ en: z.string(), 'zh-CN': z.string() })
export type LocalizedText = z.infer<typeof LocalizedTextSchema>

/** One finding, in the shape of shared/spec/causes.md. */
export const FindingSchema = z.object({
  cause: CauseSchema,
  code: z.string().min(1),
  severity: SeveritySchema,
  confidence: z.number().min(0).max(1),
  artifact: z.string().optional(),
  region: RegionSchema.optional(),
  evidence: z.record(z.string(), z.unknown()),
  explanation: LocalizedTextSchema,
  remedies: z.array(z.string()),
})
export type Finding = z.infer<typeof FindingSchema>
