import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { isPlaintextDatabase } from '../db/connection'
import { UnlockedKeys } from './data-keys'
import { CannotUnlockError, KeyNeededError, KeyringError } from './errors'
import {
  describeSlot, keyringPath, newKeyring, passphraseSlot, readKeyring, unlockWithPassphrase, unlockWithProtector, unlockWithUserKey,
  userKeySlot, writeKeyring, type KeyProtector, type Keyring, type KeySlot,
} from './keyring'
import { DB_FILE, reencryptDataDir, recoverReencryption, type ReencryptStep } from './reencrypt'
import { createUserKey, userKeyDir, type UserKeyDir } from './user-key'

/** The environment variable holding the passphrase for the command line and the web host. */
export const KEY_ENV = 'KYC_DESK_KEY'
const PROMPT_TRIES = 3

export interface UnlockOptions {
  /** KYC_DESK_KEY is read from here (default process.env). */
  env?: NodeJS.ProcessEnv
  userKeys?: UserKeyDir
  /** Asks for a passphrase without echo (a terminal); absent when nobody can answer. */
  prompt?: (question: string) => Promise<string>
  /** One-line notes for the person running the command (stderr). */
  notice?: (line: string) => void
  /**
   * May a fresh data dir get a `user-key` slot when no passphrase is given? The command line
   * does (`kyc-desk import` must work unattended on a new data dir); the web host does not.
   */
  allowUserKey?: boolean
  /** The Electron app's safeStorage. */
  protector?: KeyProtector
  nativeBinding?: string
  onStep?: (step: ReencryptStep) => void
}

export interface UnlockResult {
  keys: UnlockedKeys
  keyring: Keyring
  /** The slot that opened the keyring (a key rotation re-wraps it). */
  slot: KeySlot
  /** The passphrase that opened it, when one did (a key rotation keeps it). */
  passphrase?: string
  created: boolean
}

const hasFile = (file: string) => existsSync(file) && statSync(file).size > 0

/** What a data dir needs before it can be used, without unlocking it. */
export function inspectDataDir(dataDir: string, userKeys: UserKeyDir = userKeyDir()): { keyring: Keyring | undefined; fresh: boolean } {
  recoverReencryption(dataDir, userKeys)
  const keyring = readKeyring(keyringPath(dataDir))
  const db = join(dataDir, DB_FILE)
  if (!keyring && hasFile(db) && !isPlaintextDatabase(db)) {
    throw new KeyringError(`${dataDir} holds an encrypted case database but no keys.json: it cannot be unlocked. Restore keys.json from a backup of the data dir; nothing was changed.`)
  }
  return { keyring, fresh: !keyring }
}

function howToUnlock(dataDir: string, keyring: Keyring): string {
  const kinds = new Set(keyring.slots.map((s) => s.kind))
  const ways: string[] = []
  if (kinds.has('passphrase')) ways.push(`set ${KEY_ENV} to its passphrase (or run in a terminal to be asked)`)
  if (kinds.has('user-key')) ways.push(`copy its user key file into ${userKeyDir().path}`)
  if (kinds.has('safe-storage')) ways.push('open it in the KYC Desk app (its key is in the system keychain, which the command line cannot use)')
  return `${dataDir} is encrypted and this run has no way to unlock it: ${ways.join('; or ')}.\nKey slots:\n${keyring.slots.map((s) => `  ${describeSlot(s)}`).join('\n')}`
}

/** Creates keys.json for a data dir that has none (new, or from before encryption at rest). */
async function createKeyring(dataDir: string, options: UnlockOptions, userKeys: UserKeyDir, secret: string | undefined): Promise<UnlockResult> {
  const keys = UnlockedKeys.generate()
  let slot: KeySlot
  if (secret !== undefined) {
    slot = await passphraseSlot(keys, secret)
  } else if (options.allowUserKey) {
    const userKey = createUserKey(userKeys, dataDir)
    slot = userKeySlot(keys, userKey)
    options.notice?.(
      `kyc-desk: ${dataDir} is encrypted with a new key kept in ${join(userKeys.path, userKey.file)} (readable by you only). ` +
        `To unlock it with a passphrase instead: kyc-desk set-passphrase --data-dir ${dataDir} --drop-user-key`,
    )
  } else {
    throw new KeyNeededError(`${dataDir} has no key yet: set ${KEY_ENV} to the passphrase it should have (at least 10 characters).`)
  }
  const keyring = newKeyring(keys, [slot])
  writeKeyring(keyringPath(dataDir), keyring)
  return { keys, keyring, slot, passphrase: secret, created: true }
}

/** Opens keys.json with what this run has, in order: KYC_DESK_KEY, the user key file, the keychain, a prompt. */
async function openKeyring(dataDir: string, keyring: Keyring, options: UnlockOptions, userKeys: UserKeyDir, secret: string | undefined): Promise<UnlockResult> {
  const passphraseSlots = keyring.slots.filter((s) => s.kind === 'passphrase').length
  if (secret !== undefined && passphraseSlots > 0) {
    const opened = await unlockWithPassphrase(keyring, secret)
    if (!opened) throw new CannotUnlockError(dataDir, `${KEY_ENV} does not match`)
    return { ...opened, keyring, passphrase: secret, created: false }
  }
  if (secret !== undefined) options.notice?.(`kyc-desk: ${KEY_ENV} is set, but ${dataDir} has no passphrase; it is unlocked another way.`)
  const byFile = unlockWithUserKey(keyring, userKeys)
  if (byFile) return { ...byFile, keyring, created: false }
  if (options.protector) {
    const byKeychain = await unlockWithProtector(keyring, options.protector)
    if (byKeychain) return { ...byKeychain, keyring, created: false }
  }
  if (options.prompt && passphraseSlots > 0) {
    for (let i = 0; i < PROMPT_TRIES; i++) {
      const passphrase = await options.prompt(`Passphrase for ${dataDir}: `)
      const opened = await unlockWithPassphrase(keyring, passphrase)
      if (opened) return { ...opened, keyring, passphrase, created: false }
      options.notice?.('That passphrase does not unlock it.')
    }
    throw new CannotUnlockError(dataDir, `${PROMPT_TRIES} passphrases tried`)
  }
  throw new KeyNeededError(howToUnlock(dataDir, keyring))
}

/**
 * Encrypts, in place and crash-safely, a data dir written before encryption at rest (a plaintext
 * database and artifact files named by their sha256): see keys/reencrypt.ts.
 */
export async function encryptLegacyDataDir(dataDir: string, keys: UnlockedKeys, options: Pick<UnlockOptions, 'notice' | 'nativeBinding' | 'onStep' | 'userKeys'> = {}): Promise<boolean> {
  if (!isPlaintextDatabase(join(dataDir, DB_FILE))) return false
  options.notice?.(`kyc-desk: ${dataDir} was written before encryption at rest; encrypting its database and files now…`)
  const result = await reencryptDataDir(dataDir, {
    from: null,
    to: keys,
    marker: { kind: 'encrypt', toKeyId: keys.keyId, startedAt: new Date().toISOString() },
    userKeys: options.userKeys ?? userKeyDir(),
    nativeBinding: options.nativeBinding,
    onStep: options.onStep,
  })
  options.notice?.(`kyc-desk: encrypted the database, ${result.artifacts} artifact files and ${result.quarantined} quarantined files.`)
  return true
}

/**
 * The command line's and the web host's way in: finishes an interrupted key change, then opens
 * (or, for a new data dir, creates) keys.json, and encrypts a data dir from before encryption at
 * rest. A wrong key changes nothing on disk.
 */
export async function unlockDataDir(dataDir: string, options: UnlockOptions = {}): Promise<UnlockResult> {
  const userKeys = options.userKeys ?? userKeyDir()
  const env = options.env ?? process.env
  const secret = env[KEY_ENV] ? env[KEY_ENV] : undefined
  const { keyring } = inspectDataDir(dataDir, userKeys)
  const result = keyring ? await openKeyring(dataDir, keyring, options, userKeys, secret) : await createKeyring(dataDir, options, userKeys, secret)
  await encryptLegacyDataDir(dataDir, result.keys, { ...options, userKeys })
  return result
}
