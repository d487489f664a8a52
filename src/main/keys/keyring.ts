import { randomBytes, scrypt as scryptCallback, hkdfSync } from 'node:crypto'
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { KEY_BYTES, UnlockedKeys } from './data-keys'
import { KeyringError } from './errors'
import { seal, unseal } from '../store/sealed'
import { readUserKey, type UserKeyDir } from './user-key'

export const KEYRING_FILE = 'keys.json'
export const KEYRING_FORMAT = 'kyc-desk-keys/1'

/**
 * scrypt cost for passphrase slots: N = 2^17, r = 8, p = 1 (128 MiB, about 0.4 s on one core
 * of the development machines when idle), the parameters OWASP recommends as a minimum. They are
 * stored in each slot, so a later version can raise them for new slots; a slot asking for more
 * than MAX_SCRYPT_N is refused rather than letting a changed keys.json exhaust memory.
 */
export const SCRYPT_COST = { N: 2 ** 17, r: 8, p: 1 } as const
const MAX_SCRYPT_N = 2 ** 20
const MAX_SCRYPT_BYTES = 2 ** 30
/** New passphrases shorter than this are refused (an existing one is accepted whatever its length). */
export const MIN_PASSPHRASE_LENGTH = 10

const B64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/)
const Common = { id: z.string().regex(/^[a-f0-9]{16}$/), createdAt: z.string() }
const PassphraseSlot = z.object({
  ...Common,
  kind: z.literal('passphrase'),
  kdf: z.object({ name: z.literal('scrypt'), salt: B64, N: z.number().int().min(2 ** 14).max(MAX_SCRYPT_N), r: z.number().int().min(1).max(16), p: z.number().int().min(1).max(4) })
    .refine((k) => 128 * k.N * k.r <= MAX_SCRYPT_BYTES, { message: 'scrypt parameters asking for more than 1 GiB' }),
  wrapped: B64,
})
const UserKeySlot = z.object({ ...Common, kind: z.literal('user-key'), keyFile: z.string().regex(/^[a-f0-9]{32}\.key$/), wrapped: B64 })
const SafeStorageSlot = z.object({ ...Common, kind: z.literal('safe-storage'), blob: B64 })
const Slot = z.discriminatedUnion('kind', [PassphraseSlot, UserKeySlot, SafeStorageSlot])
const KeyringSchema = z.object({
  format: z.literal(KEYRING_FORMAT),
  keyId: z.string().regex(/^[a-f0-9]{16}$/),
  createdAt: z.string(),
  slots: z.array(Slot).min(1),
})

export type KeySlot = z.infer<typeof Slot>
export type SlotKind = KeySlot['kind']
export type Keyring = z.infer<typeof KeyringSchema>

/** The Electron app's safeStorage (the OS keychain), kept behind an interface: main/index.ts supplies it. */
export interface KeyProtector {
  encrypt(text: string): Promise<Buffer>
  decrypt(blob: Buffer): Promise<string>
}

export const keyringPath = (dataDir: string): string => join(dataDir, KEYRING_FILE)

/** keys.json of a data dir, or undefined when there is none. */
export function readKeyring(file: string): Keyring | undefined {
  if (!existsSync(file)) return undefined
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new KeyringError(`${file} cannot be read: ${(error as Error).message}. Restore it from a backup; the data cannot be unlocked without it.`)
  }
  const parsed = KeyringSchema.safeParse(raw)
  if (!parsed.success) throw new KeyringError(`${file} is not a KYC Desk key file (${z.prettifyError(parsed.error).split('\n')[0]}). Restore it from a backup.`)
  return parsed.data
}

/** Writes keys.json atomically and durably. */
export function writeKeyring(file: string, keyring: Keyring): void {
  writeJsonDurably(file, KeyringSchema.parse(keyring))
}

/** A JSON file replaced atomically and durably: a temporary file, fsync, rename, fsync of the folder. */
export function writeJsonDurably(file: string, value: unknown): void {
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`
  writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, flag: 'wx' })
  try {
    const fd = openSync(temp, 'r+')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
  syncFolder(dirname(file))
}

/** fsync of a folder, so a rename in it survives a power cut (a no-op where folders cannot be opened). */
export function syncFolder(dir: string): void {
  let fd: number | undefined
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

const newSlotId = () => randomBytes(8).toString('hex')
const slotLabel = (keyId: string, slotId: string) => `keys.json:${keyId}:${slotId}`

function scrypt(passphrase: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  // NFC: the same passphrase typed on another system (or pasted) gives the same bytes.
  return new Promise((resolve, reject) =>
    scryptCallback(passphrase.normalize('NFC'), salt, KEY_BYTES, { N: cost.N, r: cost.r, p: cost.p, maxmem: 128 * cost.N * cost.r + 32 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key)),
  )
}

/** A user key file's bytes are random already: HKDF only separates this use from any other. */
const userKeyKek = (userKey: Buffer) => Buffer.from(hkdfSync('sha256', userKey, 'kyc-desk user key', 'kyc-desk/slot/user-key', KEY_BYTES))

export function newKeyring(keys: UnlockedKeys, slots: KeySlot[], now = new Date()): Keyring {
  return { format: KEYRING_FORMAT, keyId: keys.keyId, createdAt: now.toISOString(), slots }
}

export async function passphraseSlot(keys: UnlockedKeys, passphrase: string, now = new Date()): Promise<KeySlot> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new KeyringError(`A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`)
  const id = newSlotId()
  const salt = randomBytes(16)
  const kek = await scrypt(passphrase, salt, SCRYPT_COST)
  return {
    id,
    kind: 'passphrase',
    createdAt: now.toISOString(),
    kdf: { name: 'scrypt', salt: salt.toString('base64'), ...SCRYPT_COST },
    wrapped: seal(kek, keys.exportDataKey(), slotLabel(keys.keyId, id)).toString('base64'),
  }
}

export function userKeySlot(keys: UnlockedKeys, userKey: { file: string; key: Buffer }, now = new Date()): KeySlot {
  const id = newSlotId()
  return {
    id,
    kind: 'user-key',
    createdAt: now.toISOString(),
    keyFile: userKey.file,
    wrapped: seal(userKeyKek(userKey.key), keys.exportDataKey(), slotLabel(keys.keyId, id)).toString('base64'),
  }
}

export async function safeStorageSlot(keys: UnlockedKeys, protector: KeyProtector, now = new Date()): Promise<KeySlot> {
  const blob = await protector.encrypt(JSON.stringify({ keyId: keys.keyId, dataKey: keys.exportDataKey().toString('base64') }))
  return { id: newSlotId(), kind: 'safe-storage', createdAt: now.toISOString(), blob: blob.toString('base64') }
}

function unwrap(keyring: Keyring, slot: KeySlot & { wrapped: string }, kek: Buffer): UnlockedKeys | null {
  try {
    return UnlockedKeys.fromDataKey(keyring.keyId, unseal(kek, Buffer.from(slot.wrapped, 'base64'), slotLabel(keyring.keyId, slot.id)))
  } catch {
    return null
  }
}

export interface Unlocked {
  keys: UnlockedKeys
  slot: KeySlot
}

/** Tries the passphrase against every passphrase slot; null when none opens. */
export async function unlockWithPassphrase(keyring: Keyring, passphrase: string): Promise<Unlocked | null> {
  for (const slot of keyring.slots) {
    if (slot.kind !== 'passphrase') continue
    const kek = await scrypt(passphrase, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf)
    const keys = unwrap(keyring, slot, kek)
    if (keys) return { keys, slot }
  }
  return null
}

/**
 * The user-key slot whose key file is present in this user's config folder. `undefined` when
 * there is no such slot or file; throws when the file is there but does not open the slot.
 */
export function unlockWithUserKey(keyring: Keyring, dir: UserKeyDir): Unlocked | undefined {
  for (const slot of keyring.slots) {
    if (slot.kind !== 'user-key') continue
    const key = readUserKey(dir, slot.keyFile)
    if (!key) continue
    const keys = unwrap(keyring, slot, userKeyKek(key))
    if (keys) return { keys, slot }
    throw new KeyringError(`The user key file ${join(dir.path, slot.keyFile)} does not open keys.json (it was changed or belongs to another data dir).`)
  }
  return undefined
}

/** The key of a user-key slot's file, when this user has it. */
export function readUserKeyFileOf(slot: Extract<KeySlot, { kind: 'user-key' }>, dir: UserKeyDir): Buffer | undefined {
  return readUserKey(dir, slot.keyFile)
}

export async function unlockWithProtector(keyring: Keyring, protector: KeyProtector): Promise<Unlocked | undefined> {
  for (const slot of keyring.slots) {
    if (slot.kind !== 'safe-storage') continue
    try {
      const parsed = JSON.parse(await protector.decrypt(Buffer.from(slot.blob, 'base64'))) as { keyId?: unknown; dataKey?: unknown }
      if (parsed.keyId !== keyring.keyId || typeof parsed.dataKey !== 'string') continue
      return { keys: UnlockedKeys.fromDataKey(keyring.keyId, Buffer.from(parsed.dataKey, 'base64')), slot }
    } catch {
      // Another user's or machine's keychain entry: try the next slot, then the other ways in.
    }
  }
  return undefined
}

/** One line per slot, for `kyc-desk keys` and error messages. */
export function describeSlot(slot: KeySlot): string {
  const what = slot.kind === 'passphrase' ? `passphrase (scrypt N=${slot.kdf.N}, r=${slot.kdf.r}, p=${slot.kdf.p})`
    : slot.kind === 'user-key' ? `user key file ${slot.keyFile}`
      : "the desktop app's system keychain (safeStorage)"
  return `${slot.id}  ${what}, added ${slot.createdAt.slice(0, 10)}`
}
