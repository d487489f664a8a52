import { afterEach, describe, expect, it } from 'vitest'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type Db } from '../../../../src/main/db/connection'
import { ArtifactStore } from '../../../../src/main/store/artifact-store'
import { freshKeys } from '../../../helpers/keys'
import { ImportService } from '../../../../src/main/services/import-service'
import { AuditService } from '../../../../src/main/services/audit-service'
import { CasesService } from '../../../../src/main/services/cases-service'

const FIXTURES = 'tests/fixtures/bundles'
const dirs: string[] = []
const dbs: Db[] = []
function temp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  dbs.splice(0).forEach((d) => d.close())
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
})

function setup() {
  const dataDir = temp('kyc-import-')
  const keys = freshKeys()
  const db = openDatabase(join(dataDir, 'kyc-desk.sqlite'), keys.database)
  dbs.push(db)
  const store = new ArtifactStore(dataDir, keys.artifacts)
  const analysed: number[] = []
  const importer = new ImportService(db, store, dataDir, () => new Date('2026-11-29T10:00:00Z'), (id) => analysed.push(id))
  return { dataDir, db, store, importer, cases: new CasesService(db, new AuditService(db)), analysed }
}

/** A copy of one fixture bundle that a test may change. */
function copyOf(name: string): string {
  const dir = join(temp('kyc-bundle-'), name)
  cpSync(join(FIXTURES, name), dir, { recursive: true })
  return dir
}

describe('ImportService', () => {
  it('imports a folder of case folders with originals, previews and thumbnails, and queues them for analysis', async () => {
    const { importer, cases, analysed, store } = setup()
    const results = await importer.importPaths([FIXTURES])
    expect(results.map((r) => r.outcome)).toEqual(['imported', 'imported', 'imported'])
    expect(analysed).toHaveLength(3)
    const page = cases.list({ statuses: ['new', 'pending'] })
    expect(page.total).toBe(3)
    const anna = page.rows.find((r) => r.caseId === 'BN-2026-000101')!
    const detail = cases.get(anna.id)
    const passport = detail.attempts[0].files.find((f) => f.role === 'document')!
    expect(passport).toMatchObject({ name: 'passport.jpg', side: 'single', mime: 'image/jpeg', width: 1334, height: 880, problem: null })
    expect(passport.previewSha256).toMatch(/^[a-f0-9]{64}$/)
    // The original is kept byte for byte.
    expect((await store.get(passport.sha256!)).equals(readFileSync(join(FIXTURES, 'td3-utopia', 'passport.jpg')))).toBe(true)
    // Unknown top-level fields are kept in the stored case.json.
    expect(detail.attempts[0].bundle.platformTicket).toBe('T-88412')
  })

  it('says "unchanged" for an identical re-import and refuses different content unless asked to replace', async () => {
    const { importer, cases } = setup()
    const bundle = copyOf('td3-utopia')
    expect((await importer.importPaths([bundle]))[0].outcome).toBe('imported')
    expect((await importer.importPaths([bundle]))[0].outcome).toBe('unchanged')

    const json = JSON.parse(readFileSync(join(bundle, 'case.json'), 'utf8'))
    json.form.firstName = 'ANNA'
    writeFileSync(join(bundle, 'case.json'), JSON.stringify(json))
    const conflict = (await importer.importPaths([bundle]))[0]
    expect(conflict.outcome).toBe('rejected')
    expect(conflict.errors?.[0]).toMatchObject({ rule: 'conflict' })
    expect(conflict.errors?.[0].message).toMatch(/already in the database with different content/)
    expect(cases.list({}).rows[0].customerName).toBe('ANNA MARIA ERIKSSON')

    const replaced = (await importer.importPaths([bundle], { replace: true }))[0]
    expect(replaced.outcome).toBe('replaced')
    expect(cases.list({}).rows[0].customerName).toBe('ANNA ERIKSSON')
    expect(cases.get(cases.list({}).rows[0].id).attempts).toHaveLength(1)
  })

  it('adds a newer attempt to the same case and shows it in the queue', async () => {
    const { importer, cases } = setup()
    const bundle = copyOf('td3-utopia')
    await importer.importPaths([bundle])
    const json = JSON.parse(readFileSync(join(bundle, 'case.json'), 'utf8'))
    json.attempt = 2
    json.submittedAt = '2026-11-28T12:00:00Z'
    writeFileSync(join(bundle, 'case.json'), JSON.stringify(json))
    expect((await importer.importPaths([bundle]))[0].outcome).toBe('added-attempt')
    const row = cases.list({}).rows[0]
    expect(row).toMatchObject({ attempt: 2, attemptCount: 2, submittedAt: '2026-11-28T12:00:00.000Z' })
    expect(cases.get(row.id).attempts.map((a) => a.attempt)).toEqual([1, 2])
  })

  it('imports a truncated image and flags it, because a broken upload is evidence', async () => {
    const { importer, cases } = setup()
    const bundle = copyOf('td3-utopia')
    const jpeg = readFileSync(join(bundle, 'passport.jpg'))
    writeFileSync(join(bundle, 'passport.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 3)))
    writeFileSync(join(bundle, 'selfie.png'), Buffer.alloc(0))
    expect((await importer.importPaths([bundle]))[0].outcome).toBe('imported')
    const files = cases.get(cases.list({}).rows[0].id).attempts[0].files
    expect(files.find((f) => f.name === 'passport.jpg')).toMatchObject({ problem: 'unreadable', previewSha256: null })
    expect(files.find((f) => f.name === 'selfie.png')).toMatchObject({ problem: 'empty', sha256: null })
  })

  it('rejects a bundle whose case.json is unusable, says where, and keeps a quarantined copy', async () => {
    const { importer, cases, db } = setup()
    const bundle = copyOf('id-card-front-only')
    const json = JSON.parse(readFileSync(join(bundle, 'case.json'), 'utf8'))
    json.form.dateOfBirth = '1985-02-30'
    writeFileSync(join(bundle, 'case.json'), JSON.stringify(json))
    const [result] = await importer.importPaths([bundle])
    expect(result.outcome).toBe('rejected')
    expect(result.errors?.some((e) => e.path === 'form.dateOfBirth')).toBe(true)
    expect(result.quarantinedAt && existsSync(result.quarantinedAt)).toBe(true)
    expect(cases.list({}).total).toBe(0)
    expect((db.prepare('SELECT COUNT(*) AS n FROM quarantine').get() as { n: number }).n).toBe(1)
  })
})
