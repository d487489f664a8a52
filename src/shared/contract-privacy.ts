import { z } from './zod'
import { AgentSchema } from './domain/decision'
import { CaseDetailSchema, Sha256Schema } from './domain/case'
import { DeskPolicySchema } from './domain/privacy'

const CaseId = z.number().int().positive()
const Agent = AgentSchema.optional()

/**
 * Least exposure in use and retention (issue 9): reveal / conceal a case's masked fields, the
 * window's lock, watermarked image exports and the desk policy. Spread into the contract in
 * contract.ts; names listed in channels.ts. `cases:get` itself returns the case masked.
 */
export const privacyContract = {
  /** The case with document numbers and dates of birth in clear; recorded in the audit log. */
  'cases:reveal': {
    input: z.object({ id: CaseId, agent: Agent }).strict(),
    output: CaseDetailSchema,
  },
  /** Masks the case again (leaving it, or "Hide"). */
  'cases:conceal': {
    input: z.object({ id: CaseId }).strict(),
    output: z.object({ concealed: z.literal(true) }),
  },
  /**
   * One of the case's images for "Copy image" / "Save image…": its bytes and the watermark the
   * renderer draws across it (agent, time, case). The export is audited before the bytes go.
   */
  'cases:export-image': {
    input: z.object({ caseId: CaseId, sha256: Sha256Schema, kind: z.enum(['copy', 'save']), agent: Agent }).strict(),
    output: z.object({
      mime: z.string(),
      base64: z.string(),
      watermark: z.object({ agent: z.string(), at: z.string(), caseId: z.string() }),
    }),
  },
  /** The window hid every image and customer detail (idle or by hand); every reveal ends. */
  'session:lock': {
    input: z.object({ reason: z.enum(['idle', 'manual']), idleMinutes: z.number().int().min(0).max(10_000).optional(), agent: Agent }).strict(),
    output: z.object({ locked: z.literal(true) }),
  },
  'session:unlock': {
    input: z.object({ agent: Agent }).strict(),
    output: z.object({ locked: z.literal(false) }),
  },
  /** Idle lock and image retention: value in force, default, bounds, why; the last retention run. */
  'settings:policy': {
    input: z.object({}).strict(),
    output: DeskPolicySchema,
  },
  'settings:policy-save': {
    input: z.object({
      idleLockMinutes: z.number().int().optional(),
      retentionDays: z.number().int().optional(),
      agent: Agent,
    }).strict(),
    output: DeskPolicySchema,
  },
} as const

export const PRIVACY_CHANNELS = Object.keys(privacyContract) as (keyof typeof privacyContract)[]
