import { z } from './zod'

/**
 * Encryption at rest (issue 9): the channels that answer before the data dir is unlocked. The
 * app unlocks by itself with the system keychain; where there is none (Linux `basic_text`), or
 * the data dir only has a passphrase, the renderer shows the unlock screen, which uses these.
 * Every other channel answers LOCKED until then. Spread into the contract in contract.ts.
 */
export const LOCK_REASONS = [
  /** No system keychain to keep the key in (Linux without a keyring: safeStorage's `basic_text`). */
  'no-keychain',
  /** The data dir is locked by a passphrase (set with the command line, or on another computer). */
  'passphrase',
] as const

export const LockStateSchema = z.object({
  /** unlocked: services are open; locked: a passphrase opens it; create: a new data dir needs one. */
  state: z.enum(['unlocked', 'locked', 'create']),
  reason: z.enum(LOCK_REASONS).nullable(),
  dataDir: z.string(),
  minPassphraseLength: z.number().int(),
  /**
   * keys.json has a passphrase slot: the command line (KYC_DESK_KEY or its prompt) and another
   * computer can open the data dir with it. Settings says "Change" rather than "Add" then.
   */
  hasPassphrase: z.boolean(),
})
export type LockState = z.infer<typeof LockStateSchema>

const Passphrase = z.string().min(1).max(1024)

export const keysContract = {
  'keys:state': {
    input: z.object({}).strict(),
    output: LockStateSchema,
  },
  /** Opens the data dir with its passphrase. A wrong one: LOCKED, and nothing changes. */
  'keys:unlock': {
    input: z.object({ passphrase: Passphrase }).strict(),
    output: LockStateSchema,
  },
  /** A new data dir: makes its key and locks it with this passphrase (state must be `create`). */
  'keys:create': {
    input: z.object({ passphrase: Passphrase }).strict(),
    output: LockStateSchema,
  },
  /**
   * Unlocked only (LOCKED before): adds a passphrase slot to keys.json, or replaces the one there,
   * keeping the other slots (the keychain). Replacing needs `current`; a wrong one: LOCKED, and
   * nothing changes. A new passphrase shorter than `minPassphraseLength`: BAD_INPUT.
   */
  'keys:set-passphrase': {
    input: z.object({ passphrase: Passphrase, current: Passphrase.optional() }).strict(),
    output: LockStateSchema,
  },
} as const
