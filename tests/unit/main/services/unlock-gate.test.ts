import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UnlockGate } from '../../../../src/main/services/unlock-gate'
import { openServices } from '../../../../src/main/services/app-services'
import type { KeyProtector } from '../../../../src/main/keys/keyring'
import { unlockDataDir } from '../../../../src/main/keys/unlock'
import { userKeyDir } from '../../../../src/main/keys/user-key'
import { TEST_PASSPHRASE } from '../../../helpers/keys'

const dirs: string[] = []
const gates: UnlockGate[] = []
afterEach(async () => {
  for (const g of gates.splice(0)) await g.opened?.close()
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
})

function gate(dataDir: string, protector?: KeyProtector): UnlockGate {
  const g = new UnlockGate({
    dataDir,
    userKeys: userKeyDir(),
    protector,
    open: async (keys) => openServices(dataDir, { keys, workers: 1, retentionSchedule: false, log: () => {}, replies: { startSender: false } }),
  })
  gates.push(g)
  return g
}
const dataDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'kyc-gate-'))
  dirs.push(d)
  return d
}
const keychain: KeyProtector = { encrypt: async (t) => Buffer.from(t).reverse(), decrypt: async (b) => Buffer.from(b).reverse().toString() }

describe('the unlock gate', () => {
  it('without a keychain: a new data dir waits for a passphrase; nothing else answers until then', async () => {
    const dir = dataDir()
    const g = gate(dir)
    expect(await g.tryAutomatic()).toBe(false)
    expect(await g.dispatch('keys:state', {})).toEqual({ ok: true, value: { state: 'create', reason: 'no-keychain', dataDir: dir, minPassphraseLength: 10, hasPassphrase: false } })
    // Settings' passphrase channel is the open services' only: locked, it neither runs nor makes a key.
    expect(await g.dispatch('keys:set-passphrase', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    expect(existsSync(join(dir, 'keys.json'))).toBe(false)
    expect(await g.dispatch('cases:list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    expect(await g.dispatch('app:info', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    expect(await g.dispatch('keys:unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await g.dispatch('keys:create', { passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(g.opened).toBeUndefined()
    expect(await g.dispatch('keys:create', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: true, value: { state: 'unlocked' } })
    expect(g.opened).toBeDefined()
    expect(await g.dispatch('app:info', {})).toMatchObject({ ok: true, value: { dataDir: dir } })
    expect(await g.dispatch('keys:create', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  }, 60_000)

  it('an existing data dir opens with its passphrase only', async () => {
    const dir = dataDir()
    const first = gate(dir)
    await first.dispatch('keys:create', { passphrase: TEST_PASSPHRASE })
    await first.opened!.close()
    gates.splice(gates.indexOf(first), 1)

    const g = gate(dir)
    expect(await g.tryAutomatic()).toBe(false)
    expect(await g.dispatch('keys:state', {})).toMatchObject({ ok: true, value: { state: 'locked' } })
    expect(await g.dispatch('keys:unlock', { passphrase: 'a wrong passphrase' })).toEqual({
      ok: false, error: { code: 'LOCKED', message: `cannot unlock the case database in ${dir}: wrong key or passphrase` },
    })
    expect(g.opened).toBeUndefined()
    expect(await g.dispatch('keys:unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: true, value: { state: 'unlocked' } })
    expect(await g.dispatch('cases:list', {})).toMatchObject({ ok: true })
  }, 60_000)

  it('with a system keychain: a new data dir is keyed and opened at once, and again at the next start', async () => {
    const dir = dataDir()
    const g = gate(dir, keychain)
    expect(await g.tryAutomatic()).toBe(true)
    const keyring = JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8')) as { slots: { kind: string }[] }
    expect(keyring.slots.map((s) => s.kind)).toEqual(['safe-storage'])
    await g.opened!.close()
    gates.splice(0)
    expect(await gate(dir, keychain).tryAutomatic()).toBe(true)
  }, 60_000)
})

const NEW_PASSPHRASE = 'a second passphrase for the command line'
const keysFile = (dir: string) => readFileSync(join(dir, 'keys.json'))
const slotKinds = (dir: string) => (JSON.parse(keysFile(dir).toString('utf8')) as { slots: { kind: string }[] }).slots.map((s) => s.kind)

/** Every byte the data dir's keys.json and logs hold, to look for a secret in. */
function keysAndLogs(dir: string): string {
  const logs = existsSync(join(dir, 'logs')) ? readdirSync(join(dir, 'logs')).map((f) => readFileSync(join(dir, 'logs', f), 'utf8')) : []
  return [keysFile(dir).toString('utf8'), ...logs].join('\n')
}

describe('a passphrase from Settings (keys:set-passphrase)', () => {
  /** A data dir the app made with the system keychain, open. */
  async function keychainDesk() {
    const dir = dataDir()
    const g = gate(dir, keychain)
    expect(await g.tryAutomatic()).toBe(true)
    return { dir, g }
  }
  const events = async (g: UnlockGate) =>
    ((await g.dispatch('audit:list', { action: 'keys.passphrase_set' })) as { ok: true; value: { events: { detail: object; agent: string }[] } }).value.events

  it('adds a passphrase slot beside the keychain one, with which the command line then opens the data dir', async () => {
    const { dir, g } = await keychainDesk()
    expect(await g.dispatch('keys:state', {})).toMatchObject({ ok: true, value: { state: 'unlocked', hasPassphrase: false, minPassphraseLength: 10 } })
    const { keyId } = JSON.parse(keysFile(dir).toString('utf8')) as { keyId: string }
    // The command line cannot use the keychain: before, it has no way in.
    await expect(unlockDataDir(dir, { env: { KYC_DESK_KEY: TEST_PASSPHRASE } })).rejects.toThrow(/no way to unlock it.*KYC Desk app/s)

    const before = keysFile(dir)
    expect(await g.dispatch('keys:set-passphrase', { passphrase: 'too short' })).toEqual({
      ok: false, error: { code: 'BAD_INPUT', message: 'A passphrase needs at least 10 characters.' },
    })
    expect(keysFile(dir).equals(before)).toBe(true)
    expect(await events(g)).toEqual([])

    expect(await g.dispatch('keys:set-passphrase', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: true, value: { state: 'unlocked', hasPassphrase: true } })
    expect(await g.dispatch('keys:state', {})).toMatchObject({ ok: true, value: { hasPassphrase: true } })
    expect(slotKinds(dir)).toEqual(['safe-storage', 'passphrase'])
    const [event, ...more] = await events(g)
    expect(more).toEqual([])
    expect(event.detail).toEqual({ change: 'added', slots: ['safe-storage', 'passphrase'] })
    // The passphrase is in no file of the data dir: keys.json holds its scrypt slot only; the log and audit log never see it.
    expect(keysAndLogs(dir)).not.toContain(TEST_PASSPHRASE)
    expect(JSON.stringify(await g.dispatch('audit:list', {}))).not.toContain(TEST_PASSPHRASE)
    await g.opened!.close()
    gates.splice(0)

    // The command line (KYC_DESK_KEY) opens it with the same data key, and the app still opens it by the keychain.
    const cli = await unlockDataDir(dir, { env: { KYC_DESK_KEY: TEST_PASSPHRASE } })
    expect(cli.keys.keyId).toBe(keyId)
    expect(cli.slot.kind).toBe('passphrase')
    const app = openServices(dir, { keys: cli.keys, workers: 1, retentionSchedule: false, log: () => {}, replies: { startSender: false } })
    expect(await app.dispatch('app:info', {})).toMatchObject({ ok: true, value: { dataDir: dir } })
    await app.close()
    expect(await gate(dir, keychain).tryAutomatic()).toBe(true)
  }, 120_000)

  it('changing it needs the current one: missing or wrong changes nothing; then the old one no longer opens, the new one and the keychain do', async () => {
    const { dir, g } = await keychainDesk()
    expect(await g.dispatch('keys:set-passphrase', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: true })
    expect(await g.dispatch('keys:state', {})).toMatchObject({ ok: true, value: { hasPassphrase: true } })
    const before = keysFile(dir)

    expect(await g.dispatch('keys:set-passphrase', { passphrase: NEW_PASSPHRASE })).toEqual({
      ok: false, error: { code: 'BAD_INPUT', message: 'This data dir already has a passphrase: give the current one to change it.' },
    })
    expect(await g.dispatch('keys:set-passphrase', { passphrase: NEW_PASSPHRASE, current: 'not the current passphrase' })).toEqual({
      ok: false, error: { code: 'LOCKED', message: 'The current passphrase is not right: nothing was changed.' },
    })
    expect(await g.dispatch('keys:set-passphrase', { passphrase: 'short', current: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await g.dispatch('keys:set-passphrase', { passphrase: TEST_PASSPHRASE, current: TEST_PASSPHRASE })).toMatchObject({
      ok: false, error: { code: 'BAD_INPUT', message: 'The new passphrase is the same as the current one.' },
    })
    expect(keysFile(dir).equals(before)).toBe(true)
    expect(await events(g)).toHaveLength(1)

    expect(await g.dispatch('keys:set-passphrase', { passphrase: NEW_PASSPHRASE, current: TEST_PASSPHRASE })).toMatchObject({ ok: true, value: { hasPassphrase: true } })
    // One passphrase slot, replaced; the keychain slot kept as it was.
    const next = JSON.parse(keysFile(dir).toString('utf8')) as { keyId: string; slots: { kind: string; id: string }[] }
    const old = JSON.parse(before.toString('utf8')) as { keyId: string; slots: { kind: string; id: string }[] }
    expect(next.keyId).toBe(old.keyId)
    expect(next.slots.map((s) => s.kind)).toEqual(['safe-storage', 'passphrase'])
    expect(next.slots[0]).toEqual(old.slots[0])
    expect(next.slots[1].id).not.toBe(old.slots[1].id)
    expect((await events(g))[0].detail).toEqual({ change: 'replaced', slots: ['safe-storage', 'passphrase'] })
    expect(keysAndLogs(dir)).not.toContain(NEW_PASSPHRASE)
    await g.opened!.close()
    gates.splice(0)

    await expect(unlockDataDir(dir, { env: { KYC_DESK_KEY: TEST_PASSPHRASE } })).rejects.toMatchObject({ code: 'LOCKED' })
    expect((await unlockDataDir(dir, { env: { KYC_DESK_KEY: NEW_PASSPHRASE } })).keys.keyId).toBe(old.keyId)
    expect(await gate(dir, keychain).tryAutomatic()).toBe(true)
  }, 120_000)
})
