import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openServices, type AppServices } from '../../../src/main/services/app-services'
import { findCaseByCaseId } from '../../../src/main/db/queries/cases'
import type { CaseDetail } from '../../../src/shared/domain/case'
import type { UnlockedKeys } from '../../../src/main/keys/data-keys'
import { passphraseKeys, TEST_PASSPHRASE } from '../../helpers/keys'

const DAY = 86_400_000
let dataDir: string

/** Every stored file of a case: originals, previews, thumbnails, face crops. */
function imagesOf(detail: CaseDetail): string[] {
  return detail.attempts.flatMap((a) => [
    ...a.files.flatMap((f) => [f.sha256, f.previewSha256, f.thumbSha256]),
    ...a.faces.map((f) => f.cropSha256),
  ]).filter((s): s is string => s !== null)
}

let keys: UnlockedKeys
function open(): AppServices {
  return openServices(dataDir, { keys, retentionSchedule: false, workers: 1, replies: { startSender: false } })
}

async function get(app: AppServices, caseId: string): Promise<CaseDetail> {
  const id = findCaseByCaseId(app.db, caseId)!.id
  const r = await app.dispatch('cases:get', { id })
  if (!r.ok) throw new Error(r.error.message)
  return r.value as CaseDetail
}

function purge(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/kyc-desk.mjs', 'purge', '--data-dir', dataDir, ...args], {
    encoding: 'utf8', timeout: 120_000, env: { ...process.env, KYC_DESK_KEY: TEST_PASSPHRASE },
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kyc-purge-cli-'))
  // The desk as it was 100 days ago: the fixture cases imported and analysed, one approved then.
  const then = new Date(Date.now() - 100 * DAY)
  // Locked as the command line locks a new data dir (a user key file), so that `kyc-desk purge` opens it too.
  keys = await passphraseKeys(dataDir)
  const app = openServices(dataDir, { keys, clock: () => then, retentionSchedule: false, workers: 1, replies: { startSender: false } })
  try {
    await app.importer.importPaths(['tests/fixtures/bundles'], { agent: 'test' })
    await app.analysis.idle()
    const id = findCaseByCaseId(app.db, 'BN-2026-000101')!.id
    const r = await app.dispatch('decisions:record', { caseId: id, kind: 'approve_override', reason: 'Verified by phone', agent: 'tester' })
    expect(r.ok).toBe(true)
  } finally {
    await app.close()
  }
}, 180_000)
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('kyc-desk purge', () => {
  it('--dry-run lists the closed case past the retention period and deletes nothing', async () => {
    const r = purge('--dry-run')
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^Would delete \d+ image files \([\d.]+ MB\) of 1 cases closed before \S+ \(retention 90 days\)\.\n {2}BN-2026-000101\n$/)
    const app = open()
    try {
      const detail = await get(app, 'BN-2026-000101')
      expect(imagesOf(detail).length).toBeGreaterThan(2)
      expect(imagesOf(detail).every((sha) => app.store.has(sha))).toBe(true)
      expect(detail.attempts[0].files.every((f) => !f.purgedAt)).toBe(true)
    } finally {
      await app.close()
    }
  })

  it('deletes that case\'s images, keeps the open cases\' images, its findings and decisions', async () => {
    const app0 = open()
    const before = await get(app0, 'BN-2026-000101')
    const findingsBefore = before.attempts[0].findings.length
    await app0.close()

    const r = purge()
    expect(r.code).toBe(0)
    const files = Number(/^Deleted (\d+) image files/.exec(r.out)?.[1])
    expect(files).toBe(new Set(imagesOf(before)).size)

    const app = open()
    try {
      const after = await get(app, 'BN-2026-000101')
      expect(imagesOf(before).some((sha) => app.store.has(sha))).toBe(false)
      expect(after.attempts[0].files.every((f) => typeof f.purgedAt === 'string')).toBe(true)
      expect(after.attempts[0].findings).toHaveLength(findingsBefore)
      const decisions = await app.dispatch('decisions:list', { caseId: after.row.id })
      expect(decisions.ok && (decisions.value as { decisions: unknown[] }).decisions).toHaveLength(1)
      for (const other of ['BN-2026-000102', 'BN-2026-000103']) {
        const d = await get(app, other)
        expect(imagesOf(d).every((sha) => app.store.has(sha)), other).toBe(true)
      }
      const audit = await app.dispatch('audit:list', { action: 'retention.purged', offset: 0, limit: 10 })
      expect(audit.ok && (audit.value as { total: number }).total).toBe(1)
    } finally {
      await app.close()
    }
    expect(purge().out).toMatch(/^Deleted 0 image files \(0\.0 MB\) of 0 cases/)
  })

  it('refuses a folder without a database', () => {
    const empty = mkdtempSync(join(tmpdir(), 'kyc-purge-empty-'))
    const r = spawnSync(process.execPath, ['bin/kyc-desk.mjs', 'purge', '--data-dir', empty], { encoding: 'utf8' })
    rmSync(empty, { recursive: true, force: true })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('holds no KYC Desk database')
  })
})
