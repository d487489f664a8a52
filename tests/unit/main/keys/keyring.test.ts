import { afterEach, describe, expect, it } from 'vitest'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { UnlockedKeys } from '../../../../src/main/keys/data-keys'
import {
  keyringPath, newKeyring, passphraseSlot, readKeyring, safeStorageSlot, SCRYPT_COST, unlockWithPassphrase, unlockWithProtector, unlockWithUserKey,
  userKeySlot, writeKeyring, type KeyProtector,
} from '../../../../src/main/keys/keyring'
import { createUserKey, userKeyDir } from '../../../../src/main/keys/user-key'
import { unlockDataDir } from '../../../../src/main/keys/unlock'
import { openDatabase } from '../../../../src/main/db/connection'
import { TEST_PASSPHRASE } from '../../../helpers/keys'

const dirs: string[] = []
const temp = (prefix = 'kyc-keys-') => {
  const d = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(d)
  return d
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

const same = (a: UnlockedKeys, b: UnlockedKeys) => a.database.equals(b.database) && a.artifacts.encryption.equals(b.artifacts.encryption)

/** A keychain that only this "machine" can read back (stands in for Electron's safeStorage). */
function fakeKeychain(secret = 'machine-a'): KeyProtector {
  return {
    encrypt: async (text) => Buffer.from(`${secret}:${Buffer.from(text).toString('base64')}`),
    decrypt: async (blob) => {
      const [who, data] = blob.toString().split(':')
      if (who !== secret) throw new Error('not this keychain')
      return Buffer.from(data, 'base64').toString()
    },
  }
}

describe('the data key', () => {
  it('derives separate keys for the database, artifact encryption and artifact names, and never prints them', () => {
    const keys = UnlockedKeys.generate()
    const derived = [keys.database, keys.artifacts.encryption, keys.artifacts.naming, keys.exportDataKey()].map((b) => b.toString('hex'))
    expect(new Set(derived).size).toBe(4)
    const again = UnlockedKeys.fromDataKey(keys.keyId, keys.exportDataKey())
    expect(same(again, keys)).toBe(true)
    for (const shown of [JSON.stringify({ keys }), inspect(keys), String(JSON.stringify(keys))]) {
      for (const secret of derived) expect(shown).not.toContain(secret)
    }
  })
})

describe('key slots', () => {
  it('a passphrase slot: scrypt with the documented cost, opens with the passphrase only, keeps no key in clear', async () => {
    const dir = temp()
    const keys = UnlockedKeys.generate()
    const slot = await passphraseSlot(keys, TEST_PASSPHRASE)
    writeKeyring(keyringPath(dir), newKeyring(keys, [slot]))
    const text = readFileSync(keyringPath(dir), 'utf8')
    expect(statSync(keyringPath(dir)).mode & 0o077).toBe(0)
    for (const secret of [keys.exportDataKey(), keys.database]) {
      expect(text).not.toContain(secret.toString('hex'))
      expect(text).not.toContain(secret.toString('base64'))
    }
    const keyring = readKeyring(keyringPath(dir))!
    expect(keyring.slots[0]).toMatchObject({ kind: 'passphrase', kdf: { name: 'scrypt', ...SCRYPT_COST } })
    expect(Buffer.from((keyring.slots[0] as { kdf: { salt: string } }).kdf.salt, 'base64')).toHaveLength(16)
    expect(same((await unlockWithPassphrase(keyring, TEST_PASSPHRASE))!.keys, keys)).toBe(true)
    expect(await unlockWithPassphrase(keyring, `${TEST_PASSPHRASE} `)).toBeNull()
    await expect(passphraseSlot(keys, 'short')).rejects.toThrow(/at least 10 characters/)
  }, 30_000)

  it('a user-key slot: a 0600 key file outside the data dir; refused inside it, readable by others, or changed', () => {
    const dataDir = temp()
    const config = { path: join(temp('kyc-keys-home-'), 'kyc-desk', 'keys') }
    const keys = UnlockedKeys.generate()
    expect(() => createUserKey({ path: join(dataDir, 'keys') }, dataDir)).toThrow(/inside the data dir/)
    const made = createUserKey(config, dataDir)
    expect(statSync(join(config.path, made.file)).mode & 0o777).toBe(0o600)
    expect(statSync(config.path).mode & 0o077).toBe(0)
    const keyring = newKeyring(keys, [userKeySlot(keys, made)])
    expect(same(unlockWithUserKey(keyring, config)!.keys, keys)).toBe(true)
    // Another user (or no key file): nothing to try.
    expect(unlockWithUserKey(keyring, { path: temp() })).toBeUndefined()
    chmodSync(join(config.path, made.file), 0o644)
    expect(() => unlockWithUserKey(keyring, config)).toThrow(/can be read by other users/)
    chmodSync(join(config.path, made.file), 0o600)
    writeFileSync(join(config.path, made.file), `${'0'.repeat(64)}\n`)
    expect(() => unlockWithUserKey(keyring, config)).toThrow(/does not open keys.json/)
  })

  it("a keychain slot opens with this machine's keychain only", async () => {
    const keys = UnlockedKeys.generate()
    const keyring = newKeyring(keys, [await safeStorageSlot(keys, fakeKeychain('machine-a'))])
    expect(same((await unlockWithProtector(keyring, fakeKeychain('machine-a')))!.keys, keys)).toBe(true)
    expect(await unlockWithProtector(keyring, fakeKeychain('machine-b'))).toBeUndefined()
  })

  it('refuses a damaged keys.json, or one asking scrypt for unbounded memory', async () => {
    const dir = temp()
    writeFileSync(keyringPath(dir), '{"format":')
    expect(() => readKeyring(keyringPath(dir))).toThrow(/cannot be read.*Restore it from a backup/)
    const keys = UnlockedKeys.generate()
    const keyring = newKeyring(keys, [await passphraseSlot(keys, TEST_PASSPHRASE)])
    const greedy = { ...keyring, slots: [{ ...keyring.slots[0], kdf: { ...(keyring.slots[0] as { kdf: object }).kdf, N: 2 ** 20, r: 16 } }] }
    writeFileSync(keyringPath(dir), JSON.stringify(greedy))
    expect(() => readKeyring(keyringPath(dir))).toThrow(/not a KYC Desk key file/)
  }, 30_000)
})

describe('unlocking a data dir', () => {
  it('an encrypted database without keys.json: refused, and no new key is made over it', () => {
    const dir = temp()
    const db = openDatabase(join(dir, 'kyc-desk.sqlite'), UnlockedKeys.generate().database)
    db.close()
    const before = readFileSync(join(dir, 'kyc-desk.sqlite'))
    return expect(unlockDataDir(dir, { env: {}, allowUserKey: true })).rejects.toThrow(/holds an encrypted case database but no keys.json/).then(() => {
      expect(existsSync(keyringPath(dir))).toBe(false)
      expect(readFileSync(join(dir, 'kyc-desk.sqlite')).equals(before)).toBe(true)
    })
  })

  it('a new data dir: KYC_DESK_KEY makes a passphrase slot; without it, a user key only where allowed', async () => {
    const a = temp()
    const made = await unlockDataDir(a, { env: { KYC_DESK_KEY: TEST_PASSPHRASE } })
    expect(made.keyring.slots.map((s) => s.kind)).toEqual(['passphrase'])
    expect(same((await unlockDataDir(a, { env: { KYC_DESK_KEY: TEST_PASSPHRASE } })).keys, made.keys)).toBe(true)
    await expect(unlockDataDir(a, { env: { KYC_DESK_KEY: 'something else entirely' } })).rejects.toThrow(`cannot unlock the case database in ${a}: wrong key or passphrase`)
    await expect(unlockDataDir(temp(), { env: {} })).rejects.toThrow(/set KYC_DESK_KEY/)
    await expect(unlockDataDir(temp(), { env: { KYC_DESK_KEY: 'short' } })).rejects.toThrow(/at least 10 characters/)
    const notes: string[] = []
    const b = temp()
    const byFile = await unlockDataDir(b, { env: {}, allowUserKey: true, notice: (l) => notes.push(l) })
    expect(byFile.keyring.slots.map((s) => s.kind)).toEqual(['user-key'])
    expect(notes.join('\n')).toContain(`kyc-desk set-passphrase --data-dir ${b}`)
    expect(userKeyDir().path.startsWith(process.env.XDG_CONFIG_HOME!)).toBe(true)
  }, 60_000)

  it('asks on the terminal when it may: three tries, then a clear error', async () => {
    const dir = temp()
    const { keys } = await unlockDataDir(dir, { env: { KYC_DESK_KEY: TEST_PASSPHRASE } })
    const answers = ['wrong one here', TEST_PASSPHRASE]
    const asked: string[] = []
    const opened = await unlockDataDir(dir, { env: {}, prompt: async (q) => (asked.push(q), answers.shift()!) })
    expect(asked).toEqual([`Passphrase for ${dir}: `, `Passphrase for ${dir}: `])
    expect(same(opened.keys, keys)).toBe(true)
    await expect(unlockDataDir(dir, { env: {}, prompt: async () => 'never the right passphrase' })).rejects.toThrow(/wrong key or passphrase \(3 passphrases tried\)/)
    await expect(unlockDataDir(dir, { env: {} })).rejects.toThrow(/set KYC_DESK_KEY to its passphrase/)
  }, 60_000)
})
