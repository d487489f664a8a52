import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { openServices } from '../../../../src/main/services/app-services'
import { prng } from '../../../bench/stats'
import { cliKeys } from '../../../helpers/keys'

const BUNDLES = 24
let corpus: string
let dataDir: string

/** A corpus of copies of the fixture bundles under new case ids. */
function makeCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-crash-corpus-'))
  const fixtures = readdirSync('tests/fixtures/bundles').filter((n) => existsSync(join('tests/fixtures/bundles', n, 'case.json')))
  for (let i = 0; i < BUNDLES; i++) {
    const name = fixtures[i % fixtures.length]
    const target = join(dir, `case-${i}`)
    cpSync(join('tests/fixtures/bundles', name), target, { recursive: true })
    const json = JSON.parse(readFileSync(join(target, 'case.json'), 'utf8'))
    json.caseId = `CRASH-${String(i).padStart(4, '0')}`
    json.applicant.accountId = `u_crash_${i}`
    writeFileSync(join(target, 'case.json'), JSON.stringify(json))
  }
  return dir
}

/**
 * Starts `kyc-desk import` and SIGKILLs it `delayMs` after it reports having read `afterCases`
 * bundles: somewhere inside the import of the next case (hashing, previews, file writes or the
 * transaction), not before the import starts.
 */
function importAndKill(afterCases: number, delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/kyc-desk.mjs', 'import', corpus, '--data-dir', dataDir], { stdio: ['ignore', 'ignore', 'pipe'] })
    let armed = false
    child.stderr.on('data', (d: Buffer) => {
      const read = [...d.toString().matchAll(/importing: (\d+) read/g)].map((m) => Number(m[1]))
      if (!armed && (read.at(-1) ?? 0) >= afterCases) {
        armed = true
        setTimeout(() => child.kill('SIGKILL'), delayMs)
      }
      // Analysis starts once every bundle is read: kill there at the latest.
      if (!armed && d.toString().includes('analysing')) child.kill('SIGKILL')
    })
    child.on('exit', () => resolve())
  })
}

beforeAll(() => {
  corpus = makeCorpus()
  dataDir = mkdtempSync(join(tmpdir(), 'kyc-crash-data-'))
})
afterAll(() => {
  rmSync(corpus, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})

describe('an import killed at any moment', () => {
  it('leaves every case fully imported or absent, and no orphan files after the next start', async () => {
    const rnd = prng(42)
    const counts: number[] = []
    for (let round = 0; round < 6; round++) {
      await importAndKill(1 + Math.floor(rnd() * (BUNDLES - 2)), Math.floor(rnd() * 60))
      // Unlocked as the killed command line did (its user key file), or created now if it died first.
      const services = openServices(dataDir, { keys: await cliKeys(dataDir), log: () => {} })
      try {
        const db = services.db
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
        // Every attempt has all the files its case.json names, and every stored file exists.
        const attempts = db.prepare('SELECT id, case_json FROM attempts').all() as { id: number; case_json: string }[]
        for (const a of attempts) {
          const named = JSON.parse(a.case_json) as { documents: unknown[]; selfies: unknown[] }
          const files = db.prepare('SELECT sha256 FROM attempt_files WHERE attempt_pk = ?').all(a.id) as { sha256: string | null }[]
          expect(files.length).toBe(named.documents.length + named.selfies.length)
          for (const f of files) if (f.sha256) expect(services.store.has(f.sha256)).toBe(true)
        }
        // openServices removed what the database does not know: every file on disk is referenced.
        const known = new Set((db.prepare('SELECT sha256 FROM artifacts').pluck().all() as string[]).map((sha) => basename(services.store.pathOf(sha))))
        for (const sub of readdirSync(services.store.root)) {
          for (const name of readdirSync(join(services.store.root, sub))) expect(known.has(name)).toBe(true)
        }
        expect(readdirSync(join(dataDir, 'store-tmp'))).toEqual([])
        counts.push(services.cases.list({}).total ?? 0)
      } finally {
        await services.close()
      }
    }
    // The kills did land in the middle of imports (else this test would prove nothing).
    expect(counts.some((n) => n > 0 && n < BUNDLES), `cases after each kill: ${counts.join(', ')}`).toBe(true)
    // Finally, an import left to finish brings in every case exactly once.
    const services = openServices(dataDir, { keys: await cliKeys(dataDir), log: () => {} })
    try {
      await services.importer.importPaths([corpus])
      expect(services.cases.list({ limit: 100 }).total).toBe(BUNDLES)
    } finally {
      await services.close()
    }
  }, 240_000)
})
