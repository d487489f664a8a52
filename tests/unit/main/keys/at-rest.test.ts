import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { writeDemoCorpus } from '../../../../src/main/demo'
import { openDatabase } from '../../../../src/main/db/connection'
import { openServices } from '../../../../src/main/services/app-services'
import { ArtifactStore, sha256Of } from '../../../../src/main/store/artifact-store'
import { readKeyring } from '../../../../src/main/keys/keyring'
import type { UnlockedKeys } from '../../../../src/main/keys/data-keys'
import { cliKeys, freshKeys, passphraseKeys, TEST_PASSPHRASE } from '../../../helpers/keys'
import { filesUnder, findInClear, IMAGE_SIGNATURES, textNeedles, type Needle } from '../../../helpers/scan-data-dir'
import { decryptToLegacy } from '../../../helpers/legacy-data-dir'

// Encryption at rest, end to end through the real command line: a demo corpus imported into a
// new data dir leaves nothing readable under it; a wrong key changes nothing; rotate-key moves
// everything to a new key, and a rotation (or a first encryption) killed at any step recovers.

let corpus: string
let broken: string
let dataDir: string
let legacySource: string
let legacyKeys: UnlockedKeys
let needles: Needle[]
const dirs: string[] = []
const temp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(d)
  return d
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, ['bin/kyc-desk.mjs', ...args], { encoding: 'utf8', timeout: 600_000, env: { ...process.env, ...env } })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

function stopAt(mode: 'rotate' | 'encrypt', dir: string, step: string, n = 0) {
  return spawnSync(process.execPath, ['bin/run-ts.mjs', 'tests/unit/main/keys/stop-at.ts', mode, dir, step, String(n)], {
    encoding: 'utf8', timeout: 300_000, env: { ...process.env, KYC_DESK_KEY: mode === 'rotate' ? TEST_PASSPHRASE : '' },
  })
}

/** sha256 of every file under a folder, by relative path. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dir).map((f) => [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')]))
}

const passPhraseEnv = { KYC_DESK_KEY: TEST_PASSPHRASE }

/** Opens the data dir, checks the database and that every artifact decrypts to its sha256; returns how many. */
async function verifyAll(dir: string, keys: UnlockedKeys): Promise<{ artifacts: number; cases: number; quarantined: number }> {
  const app = openServices(dir, { keys, workers: 1, retentionSchedule: false, log: () => {}, replies: { startSender: false } })
  try {
    expect(app.db.pragma('integrity_check', { simple: true })).toBe('ok')
    const shas = app.db.prepare('SELECT sha256 FROM artifacts').pluck().all() as string[]
    for (const sha of shas) expect(sha256Of(await app.store.get(sha)), sha).toBe(sha)
    const quarantine = join(dir, 'quarantine')
    const held = existsSync(quarantine) ? filesUnder(quarantine) : []
    for (const q of held) await app.store.readQuarantined(quarantine, q)
    return { artifacts: shas.length, cases: app.cases.list({ limit: 500 }).total ?? 0, quarantined: held.length }
  } finally {
    await app.close()
  }
}

beforeAll(async () => {
  corpus = temp('kyc-at-rest-corpus-')
  await writeDemoCorpus(corpus, { count: 12, seed: 9 })
  // A bundle the import rejects: its case.json (with the customer's data) goes to quarantine.
  broken = temp('kyc-at-rest-broken-')
  const first = readdirSync(corpus).find((n) => existsSync(join(corpus, n, 'case.json')))!
  cpSync(join(corpus, first), join(broken, 'rejected-case'), { recursive: true })
  const json = JSON.parse(readFileSync(join(broken, 'rejected-case', 'case.json'), 'utf8'))
  writeFileSync(join(broken, 'rejected-case', 'case.json'), JSON.stringify({ ...json, caseId: 'BN-2026-999999', attempt: 0 }))

  needles = []
  for (const name of readdirSync(corpus)) {
    const file = join(corpus, name, 'case.json')
    if (!existsSync(file)) continue
    const c = JSON.parse(readFileSync(file, 'utf8'))
    needles.push(...textNeedles('document number', [c.form.documentNumber], 6))
    needles.push(...textNeedles('surname', [c.form.lastName, c.form.nativeName]))
    needles.push(...textNeedles('e-mail', [c.applicant.email]))
  }
  dataDir = temp('kyc-at-rest-data-')
}, 300_000)
afterAll(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('encryption at rest', () => {
  it('a new data dir: `kyc-desk import` works unattended (exit 0), with a user key file outside the data dir and a note how to use a passphrase', async () => {
    const r = cli(['import', corpus, '--data-dir', dataDir])
    expect(r.err).toMatch(/encrypted with a new key kept in .*kyc-desk\/keys\/[a-f0-9]{32}\.key/)
    expect(r.err).toContain(`kyc-desk set-passphrase --data-dir ${dataDir}`)
    expect(r.code, r.err).toBe(0)
    const keyring = readKeyring(join(dataDir, 'keys.json'))!
    expect(keyring.slots.map((s) => s.kind)).toEqual(['user-key'])
    const slot = keyring.slots[0] as { keyFile: string }
    const keyFile = join(process.env.XDG_CONFIG_HOME!, 'kyc-desk', 'keys', slot.keyFile)
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    expect(relative(dataDir, keyFile).startsWith('..')).toBe(true)
    // The rejected bundle: exit 1, and its copy kept (encrypted) in quarantine.
    const rejected = cli(['import', broken, '--data-dir', dataDir])
    expect(rejected.code).toBe(1)
    expect(rejected.err).toContain('quarantined copy')
    // Kept for the test of a data dir from before encryption at rest (its keys now: the key file goes later).
    legacySource = temp('kyc-at-rest-legacy-src-')
    cpSync(dataDir, legacySource, { recursive: true })
    legacyKeys = await cliKeys(legacySource)
  }, 600_000)

  it('nothing under the data dir holds a passport number, surname, e-mail or image in clear, even while open', async () => {
    const all = [...needles, ...IMAGE_SIGNATURES]
    // The needles are real: the corpus itself is full of them.
    expect(findInClear(corpus, all).length).toBeGreaterThan(40)
    expect(findInClear(dataDir, all)).toEqual([])
    // While open (WAL and shared memory present), after writes: the same.
    const app = openServices(dataDir, { keys: await cliKeys(dataDir), workers: 1, retentionSchedule: false, log: () => {}, replies: { startSender: false } })
    try {
      await app.importer.importPaths([broken])
      const r = await app.dispatch('cases:list', {})
      expect(r.ok).toBe(true)
      expect(existsSync(join(dataDir, 'kyc-desk.sqlite-wal'))).toBe(true)
      expect(findInClear(dataDir, all)).toEqual([])
    } finally {
      await app.close()
    }
    expect(readdirSync(join(dataDir, 'quarantine')).length).toBeGreaterThanOrEqual(2)
  }, 120_000)

  it('a wrong key or passphrase gives a clear error, and no file changes', async () => {
    const set = cli(['set-passphrase', '--data-dir', dataDir, '--drop-user-key'], { KYC_DESK_NEW_KEY: TEST_PASSPHRASE })
    expect(set.code, set.err).toBe(0)
    expect(readKeyring(join(dataDir, 'keys.json'))!.slots.map((s) => s.kind)).toEqual(['passphrase'])
    const before = snapshot(dataDir)

    const wrong = cli(['import', corpus, '--data-dir', dataDir], { KYC_DESK_KEY: 'not the passphrase of this desk' })
    expect(wrong.code).toBe(1)
    expect(wrong.err).toContain(`cannot unlock the case database in ${dataDir}: wrong key or passphrase`)
    const none = cli(['analyze', join(corpus, readdirSync(corpus)[0]), '--data-dir', dataDir, '--json'])
    expect(none.code).toBe(1)
    expect(none.err).toContain('KYC_DESK_KEY')
    expect(none.out).toBe('')
    // A key that is not this data dir's at all reaches the database: refused there, the same way.
    expect(() => openServices(dataDir, { keys: freshKeys(), log: () => {} })).toThrow(`cannot unlock the case database in ${dataDir}: wrong key or passphrase`)
    expect(snapshot(dataDir)).toEqual(before)

    const right = cli(['import', corpus, '--data-dir', dataDir], passPhraseEnv)
    expect(right.code, right.err).toBe(0)
    expect(right.out).toMatch(/unchanged: BN-2026-/)
  }, 300_000)

  it('rotate-key: a new key opens everything, the old one nothing', async () => {
    const old = await passphraseKeys(dataDir)
    const counts = await verifyAll(dataDir, old)
    const r = cli(['rotate-key', '--data-dir', dataDir], passPhraseEnv)
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain(`${counts.artifacts} files and ${counts.quarantined} quarantined files re-encrypted`)

    expect(() => openDatabase(join(dataDir, 'kyc-desk.sqlite'), old.database)).toThrow(/cannot unlock the case database .*: wrong key or passphrase/)
    const oldStore = new ArtifactStore(temp('kyc-old-store-'), old.artifacts)
    const shas = readdirSync(join(dataDir, 'store')).length
    expect(shas).toBeGreaterThan(0)
    const next = await passphraseKeys(dataDir)
    expect(next.keyId).not.toBe(old.keyId)
    const db = openDatabase(join(dataDir, 'kyc-desk.sqlite'), next.database)
    const any = db.prepare('SELECT sha256 FROM artifacts LIMIT 1').pluck().get() as string
    db.close()
    // The old key neither finds (names are keyed) nor decrypts (contents are) the new files.
    expect(existsSync(join(dataDir, relative(oldStore.root, oldStore.pathOf(any)).replace(/^/, 'store/')))).toBe(false)
    const moved = new ArtifactStore(dataDir, { naming: next.artifacts.naming, encryption: old.artifacts.encryption })
    await expect(moved.get(any)).rejects.toThrow(/cannot be decrypted/)

    expect(await verifyAll(dataDir, next)).toEqual(counts)
    expect(findInClear(dataDir, [...needles, ...IMAGE_SIGNATURES])).toEqual([])
    expect(existsSync(join(dataDir, 'reencrypt.json'))).toBe(false)
  }, 300_000)

  it('a rotation killed at any step recovers on the next open: the old key before the commit, the new one after', async () => {
    const expected = await verifyAll(dataDir, await passphraseKeys(dataDir))
    for (const [step, n, committed] of [['database', 0, false], ['artifact', 5, false], ['quarantine', 1, false], ['commit', 0, false], ['finish', 0, true]] as const) {
      const before = readKeyring(join(dataDir, 'keys.json'))!.keyId
      const run = stopAt('rotate', dataDir, step, n)
      expect(run.signal, `${step}: ${run.stderr}`).toBe('SIGKILL')
      expect(existsSync(join(dataDir, 'reencrypt.json')), step).toBe(true)
      const keys = await passphraseKeys(dataDir)
      expect(keys.keyId === before, step).toBe(!committed)
      expect(readdirSync(dataDir).filter((n) => /next|\.old$|reencrypt/.test(n)), step).toEqual([])
      expect(await verifyAll(dataDir, keys), step).toEqual(expected)
    }
    // And the real command, killed at whatever moment it has reached.
    const child = spawn(process.execPath, ['bin/kyc-desk.mjs', 'rotate-key', '--data-dir', dataDir], { env: { ...process.env, ...passPhraseEnv }, stdio: ['ignore', 'ignore', 'pipe'] })
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        if (d.toString().includes('re-encrypting files')) setTimeout(() => child.kill('SIGKILL'), 30)
      })
      child.on('exit', () => resolve())
    })
    expect(await verifyAll(dataDir, await passphraseKeys(dataDir))).toEqual(expected)
    expect(findInClear(dataDir, [...needles, ...IMAGE_SIGNATURES])).toEqual([])
  }, 600_000)

  it('a data dir from before encryption at rest is encrypted in place at its first open, also after a crash midway', async () => {
    const expected = await verifyAll(legacySource, legacyKeys)
    await decryptToLegacy(legacySource, legacyKeys)
    // It really is the old layout: everything in clear.
    expect(readFileSync(join(legacySource, 'kyc-desk.sqlite')).subarray(0, 15).toString('latin1')).toBe('SQLite format 3')
    expect(findInClear(legacySource, needles).length).toBeGreaterThan(10)

    const pristine = temp('kyc-at-rest-legacy-')
    cpSync(legacySource, pristine, { recursive: true })
    const before = snapshot(legacySource)

    const r = cli(['import', broken, '--data-dir', legacySource])
    expect(r.err).toContain('was written before encryption at rest; encrypting its database and files now')
    expect(r.code).toBe(1) // the broken bundle is rejected: the data dir itself opened
    expect(Object.keys(before).length).toBeGreaterThan(10)
    const after = await cliKeys(legacySource)
    const got = await verifyAll(legacySource, after)
    expect(got.artifacts).toBe(expected.artifacts)
    expect(got.cases).toBe(expected.cases)
    expect(got.quarantined).toBe(expected.quarantined + 2) // case.json and reason.json of the new rejection
    expect(findInClear(legacySource, [...needles, ...IMAGE_SIGNATURES])).toEqual([])

    for (const [step, n] of [['artifact', 3], ['quarantine', 0], ['commit', 0], ['finish', 0]] as const) {
      const crashed = temp('kyc-at-rest-legacy-crash-')
      cpSync(pristine, crashed, { recursive: true })
      const run = stopAt('encrypt', crashed, step, n)
      expect(run.signal, `${step}: ${run.stderr}`).toBe('SIGKILL')
      expect(existsSync(join(crashed, 'reencrypt.json')), step).toBe(true)
      const keysNow = await cliKeys(crashed)
      expect(existsSync(join(crashed, 'reencrypt.json')), step).toBe(false)
      expect(await verifyAll(crashed, keysNow), step).toEqual(expected)
      expect(findInClear(crashed, [...needles, ...IMAGE_SIGNATURES]), step).toEqual([])
    }
  }, 600_000)
})
