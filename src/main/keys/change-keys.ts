import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../shared/result'
import { UnlockedKeys } from './data-keys'
import { KeyringError } from './errors'
import {
  MIN_PASSPHRASE_LENGTH, keyringPath, newKeyring, passphraseSlot, readKeyring, readUserKeyFileOf, safeStorageSlot, unlockWithPassphrase, userKeySlot, writeKeyring,
  type KeyProtector, type Keyring, type KeySlot,
} from './keyring'
import { MARKER_FILE, reencryptDataDir, type ReencryptResult, type ReencryptStep } from './reencrypt'
import { createUserKey, removeUserKey, type UserKeyDir } from './user-key'
import type { UnlockResult } from './unlock'

export interface RotateOptions {
  userKeys: UserKeyDir
  /** A new passphrase for the new key; default: the passphrase that unlocked, if one did. */
  newPassphrase?: string
  /** The app's keychain: its slot is re-made too. */
  protector?: KeyProtector
  nativeBinding?: string
  onStep?: (step: ReencryptStep) => void
}

export interface RotateResult extends ReencryptResult {
  keyId: string
  slots: KeySlot[]
  /** Slots of the old key this run could not re-make (a passphrase nobody gave, the keychain). */
  dropped: KeySlot[]
}

/**
 * A new data key for the data dir: the database is re-keyed and every artifact and quarantined
 * file re-encrypted under it (crash-safely, keys/reencrypt.ts), and keys.json is replaced by one
 * holding only the new key. The slots re-made are those this run can open: the passphrase used
 * (or `newPassphrase`), a user key (a new key file replaces the old one), the app's keychain
 * when the app runs it. Other slots are dropped and reported: the old key must not survive in a
 * slot nobody re-wrapped.
 */
export async function rotateDataKey(dataDir: string, unlocked: UnlockResult, options: RotateOptions): Promise<RotateResult> {
  const next = UnlockedKeys.generate()
  const slots: KeySlot[] = []
  const old = unlocked.keyring.slots
  const passphrase = options.newPassphrase ?? unlocked.passphrase
  if (passphrase !== undefined) slots.push(await passphraseSlot(next, passphrase))
  const oldUserKey = old.find((s): s is Extract<KeySlot, { kind: 'user-key' }> => s.kind === 'user-key' && readUserKeyFileOf(s, options.userKeys) !== undefined)
  let newUserKeyFile: string | undefined
  if (oldUserKey) {
    const made = createUserKey(options.userKeys, dataDir)
    newUserKeyFile = made.file
    slots.push(userKeySlot(next, made))
  }
  if (options.protector) slots.push(await safeStorageSlot(next, options.protector))
  if (slots.length === 0) {
    if (newUserKeyFile) removeUserKey(options.userKeys, newUserKeyFile)
    throw new KeyringError('Nothing here could hold the new key: give a passphrase (KYC_DESK_KEY or the prompt) to rotate.')
  }
  const remade = (slot: KeySlot) =>
    slot.kind === 'passphrase' ? passphrase !== undefined : slot.kind === 'user-key' ? slot.id === oldUserKey?.id : options.protector !== undefined
  const dropped = old.filter((s) => !remade(s))
  const result = await reencryptDataDir(dataDir, {
    from: unlocked.keys,
    to: next,
    nextKeyring: newKeyring(next, slots),
    marker: { kind: 'rotate', toKeyId: next.keyId, startedAt: new Date().toISOString(), newUserKeyFile, oldUserKeyFile: oldUserKey?.keyFile },
    userKeys: options.userKeys,
    nativeBinding: options.nativeBinding,
    onStep: options.onStep,
  })
  return { ...result, keyId: next.keyId, slots, dropped }
}

/**
 * Adds a passphrase slot, replacing any passphrase the data dir had (the data key stays: this
 * is cheap, and after a passphrase leaked together with keys.json, rotate-key is what helps).
 * `dropUserKey` removes the user-key slots and their key files, so the passphrase is the only
 * way in from the command line. `unlocked.keyring` is what is replaced: read keys.json just before.
 */
export async function setPassphrase(dataDir: string, unlocked: Pick<UnlockResult, 'keys' | 'keyring'>, passphrase: string, options: { userKeys: UserKeyDir; dropUserKey?: boolean }): Promise<Keyring> {
  const slot = await passphraseSlot(unlocked.keys, passphrase)
  const removedFiles: string[] = []
  const slots = unlocked.keyring.slots.filter((s) => {
    if (s.kind === 'passphrase') return false
    if (s.kind === 'user-key' && options.dropUserKey) {
      removedFiles.push(s.keyFile)
      return false
    }
    return true
  })
  const keyring: Keyring = { ...unlocked.keyring, slots: [...slots, slot] }
  writeKeyring(keyringPath(dataDir), keyring)
  // Only once keys.json no longer needs them.
  removedFiles.forEach((f) => removeUserKey(options.userKeys, f))
  return keyring
}

/** keys.json has a passphrase slot (the command line and another computer can open the data dir with it). */
export const hasPassphraseSlot = (keyring: Keyring | undefined): boolean => keyring?.slots.some((s) => s.kind === 'passphrase') ?? false

/**
 * The app's Settings ▸ passphrase (keys:set-passphrase), on a data dir open with `keys`: adds a
 * passphrase slot, or replaces the one there once `current` opens it, keeping every other slot
 * (the keychain, a user key). keys.json is read now, not at unlock, so a slot added meanwhile
 * by the command line is kept too. Refused, with keys.json untouched: a new passphrase that is
 * too short or the same as the current one, a missing or wrong `current` (LOCKED), a keys.json
 * that no longer holds this data key (rotate-key ran meanwhile) or a key change in progress.
 */
export async function changePassphrase(
  dataDir: string,
  keys: UnlockedKeys,
  change: { passphrase: string; current?: string },
  userKeys: UserKeyDir,
): Promise<{ keyring: Keyring; replaced: boolean }> {
  const { passphrase, current } = change
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new AppError('BAD_INPUT', `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`)
  if (existsSync(join(dataDir, MARKER_FILE))) throw new AppError('CONFLICT', 'A key change (rotate-key) is in progress on this data dir: try again once it has finished.')
  const keyring = readKeyring(keyringPath(dataDir))
  if (!keyring) throw new AppError('CONFLICT', `${keyringPath(dataDir)} is missing: restore it from a backup before changing the passphrase.`)
  if (keyring.keyId !== keys.keyId) {
    throw new AppError('CONFLICT', 'keys.json now holds another data key (rotate-key was run meanwhile): restart KYC Desk, then set the passphrase.')
  }
  const replaced = hasPassphraseSlot(keyring)
  if (replaced) {
    if (current === undefined || current.length === 0) throw new AppError('BAD_INPUT', 'This data dir already has a passphrase: give the current one to change it.')
    const opened = await unlockWithPassphrase(keyring, current)
    if (!opened) throw new AppError('LOCKED', 'The current passphrase is not right: nothing was changed.')
    if (current.normalize('NFC') === passphrase.normalize('NFC')) throw new AppError('BAD_INPUT', 'The new passphrase is the same as the current one.')
  }
  return { keyring: await setPassphrase(dataDir, { keys, keyring }, passphrase, { userKeys }), replaced }
}
