import { z } from './zod'
import type { Channel } from './channels'
import { CaseDetailSchema, CaseRowSchema, QueueCountsSchema, QueuePageSchema, QueueQuerySchema } from './domain/case'
import { ImportJobSchema } from './domain/import-job'
import { repliesContract } from './contract-replies'
import { privacyContract } from './contract-privacy'
import { keysContract } from './contract-keys'
import { viewsContract } from './contract-views'
import type { Result } from './result'

const SettingEntry = z.object({ value: z.number(), unit: z.string(), why: z.string() })

/**
 * THE contract between the renderer and main: every channel with its input and output schema.
 * main/ipc.ts (Electron) and the test web host both dispatch through it; the preload binds the
 * same channel names; the renderer's api.ts is typed by it.
 */
export const contract = {
  'app:info': {
    input: z.object({}).strict(),
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      schemaVersion: z.number().int(),
      caseCount: z.number().int(),
    }),
  },
  'cases:list': {
    input: QueueQuerySchema,
    output: QueuePageSchema,
  },
  'cases:counts': {
    input: QueueQuerySchema,
    output: QueueCountsSchema,
  },
  'cases:get': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: CaseDetailSchema,
  },
  /** Takes a case (`me`: the agent using the app) or puts it back in the common pool (`nobody`). */
  'cases:assign': {
    input: z.object({ id: z.number().int().positive(), to: z.enum(['me', 'nobody']), agent: z.string().trim().min(1).max(100).optional() }).strict(),
    output: CaseRowSchema,
  },
  'settings:analysis': {
    input: z.object({}).strict(),
    output: z.record(z.string(), z.record(z.string(), SettingEntry)),
  },
  /** Asks the user for folders / zips with the system dialog; [] when cancelled. */
  'import:choose': {
    input: z.object({}).strict(),
    output: z.object({ paths: z.array(z.string()) }),
  },
  'import:start': {
    input: z.object({ paths: z.array(z.string().min(1)).min(1).max(10_000), replace: z.boolean().default(false) }).strict(),
    output: ImportJobSchema,
  },
  'import:status': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: ImportJobSchema,
  },
  /** Stops after the case being imported: every case is either fully imported or absent. */
  'import:cancel': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: ImportJobSchema,
  },
  ...repliesContract,
  ...privacyContract,
  ...keysContract,
  ...viewsContract,
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>

export type Contract = typeof contract
export type Input<C extends Channel> = z.input<Contract[C]['input']>
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type Output<C extends Channel> = z.output<Contract[C]['output']>

/** window.kyc as the preload (or the test web host) provides it. */
export type KycBridge = { [C in Channel]: (input: Input<C>) => Promise<Result<Output<C>>> } & {
  /** Prefix of artifact URLs: `${artifactBase}${sha256}`. */
  readonly artifactBase: string
  /** The local path of a dropped File ('' where unknown); the argument is a DOM File. */
  pathForFile(file: unknown): string
  /** Subscribes to application-menu commands ('import'). */
  onMenuCommand(handler: (command: string) => void): void
}
