import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UnlockGate } from '../../../../src/main/services/unlock-gate'
import { openServices } from '../../../../src/main/services/app-services'
import type { KeyProtector } from '../../../../src/main/keys/keyring'
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
    expect(await g.dispatch('keys:state', {})).toEqual({ ok: true, value: { state: 'create', reason: 'no-keychain', dataDir: dir, minPassphraseLength: 10 } })
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
