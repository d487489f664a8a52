import Database from 'better-sqlite3-multiple-ciphers'
import * as sqliteVec from 'sqlite-vec'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeDemoCorpus } from '../../src/main/demo'
import { applyKey } from '../../src/main/db/connection'
import { migrate } from '../../src/main/db/migrate'
import { insertCase, listQueue, resolveQueueQuery } from '../../src/main/db/queries/cases'
import { openServices } from '../../src/main/services/app-services'
import { ArtifactStore } from '../../src/main/store/artifact-store'
import { makePreviews } from '../../src/main/store/previews'
import { seal, unseal } from '../../src/main/store/sealed'
import { freshKeys } from '../helpers/keys'
import { summarise, timeAsync } from './stats'

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, ext))
    else if (ext.test(name)) out.push(p)
  }
  return out
}

/** The same queue workload on a plaintext and an encrypted database (SQLCipher v4, raw key). */
function databaseCost(dir: string, cases: number) {
  const run = (name: string, key: Buffer | null) => {
    const db = new Database(join(dir, `${name}.sqlite`))
    if (key) applyKey(db, key)
    else db.pragma('temp_store = MEMORY')
    sqliteVec.load(db)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    migrate(db)
    const now = new Date('2026-11-29T00:00:00Z').toISOString()
    let start = performance.now()
    db.transaction(() => {
      for (let i = 0; i < cases; i++) {
        insertCase(db, {
          caseId: `BN-2026-${String(i).padStart(6, '0')}`, accountId: `u_${i}`, email: `p${i}@example.com`, customerName: `PERSON ${i}`,
          nativeName: null, country: 'DEU', documentType: 'PASSPORT', documentNumber: `C${String(i).padStart(8, '0')}`, locale: 'en',
          status: 'new', latestAttempt: 1, submittedAt: new Date(Date.parse(now) - i * 60_000).toISOString(),
        }, now)
      }
    })()
    const insertMs = performance.now() - start
    db.close()
    // A cold connection (as at start), then the queue's first page and a search.
    const again = new Database(join(dir, `${name}.sqlite`))
    if (key) applyKey(again, key)
    sqliteVec.load(again)
    const pages: number[] = []
    for (let i = 0; i < 30; i++) {
      start = performance.now()
      listQueue(again, resolveQueueQuery({ search: i % 2 ? 'PERSON 42' : undefined }, () => 'agent'))
      pages.push(performance.now() - start)
    }
    again.close()
    return { insertMs: round(insertMs), firstPageMs: summarise(pages) }
  }
  // Alternated, three runs each, medians: the machine is shared, and one run of each says little.
  const plain: ReturnType<typeof run>[] = []
  const encrypted: ReturnType<typeof run>[] = []
  for (let i = 0; i < 3; i++) {
    plain.push(run(`plain-${i}`, null))
    encrypted.push(run(`encrypted-${i}`, freshKeys().database))
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const summary = (rs: ReturnType<typeof run>[]) => ({ insertMs: median(rs.map((r) => r.insertMs)), firstPageMedianMs: median(rs.map((r) => r.firstPageMs.median)) })
  return { cases, runsEach: 3, plaintext: summary(plain), encrypted: summary(encrypted) }
}

/**
 * The cost of encryption at rest: decrypting a preview (what each image shown costs), AES-GCM
 * throughput, the database with and without SQLCipher, and import throughput with everything
 * encrypted (compare with `import-throughput` run on a checkout from before; docs/security.md).
 */
export default async function bench(): Promise<Record<string, unknown>> {
  const count = Number(process.env.BENCH_CRYPTO_IMPORT_COUNT ?? 100)
  const corpus = mkdtempSync(join(tmpdir(), 'kyc-bench-crypto-corpus-'))
  const dataDir = mkdtempSync(join(tmpdir(), 'kyc-bench-crypto-data-'))
  const scratch = mkdtempSync(join(tmpdir(), 'kyc-bench-crypto-scratch-'))
  try {
    await writeDemoCorpus(corpus, { count, seed: 5 })
    const images = filesUnder(corpus, /\.(jpe?g|png|webp)$/i)

    // One preview per document image, stored encrypted; then read back as the protocol does.
    const keys = freshKeys()
    const store = new ArtifactStore(join(scratch, 'store-dir'), keys.artifacts)
    const previews: { sha: string; bytes: number; plainFile: string }[] = []
    for (const [i, file] of images.slice(0, 20).entries()) {
      const made = await makePreviews(readFileSync(file))
      if (!made) continue
      const sha = await store.put(made.preview)
      const plainFile = join(scratch, `plain-${i}.jpg`)
      writeFileSync(plainFile, made.preview)
      previews.push({ sha, bytes: made.preview.length, plainFile })
    }
    const decrypt: number[] = []
    const plainRead: number[] = []
    for (let round_ = 0; round_ < 10; round_++) {
      for (const p of previews) {
        decrypt.push((await timeAsync(() => store.get(p.sha)))[1])
        plainRead.push((await timeAsync(() => readFile(p.plainFile)))[1])
      }
    }

    const big = readFileSync(images.reduce((a, b) => (statSync(a).size >= statSync(b).size ? a : b)))
    const block = Buffer.concat(Array.from({ length: Math.ceil((8 << 20) / big.length) }, () => big)).subarray(0, 8 << 20)
    const sealMs: number[] = []
    const unsealMs: number[] = []
    for (let i = 0; i < 7; i++) {
      let start = performance.now()
      const sealed = seal(keys.artifacts.encryption, block, 'bench')
      sealMs.push(performance.now() - start)
      start = performance.now()
      unseal(keys.artifacts.encryption, sealed, 'bench')
      unsealMs.push(performance.now() - start)
    }

    const database = databaseCost(scratch, Number(process.env.BENCH_CRYPTO_DB_CASES ?? 10_000))

    const services = openServices(dataDir, { keys: freshKeys(), log: () => {}, retentionSchedule: false, replies: { startSender: false } })
    services.analysis.enqueue = () => {}
    const [results, importMs] = await timeAsync(() => services.importer.importPaths([corpus]))
    await services.close()

    return {
      preview: {
        meanKilobytes: round(previews.reduce((n, p) => n + p.bytes, 0) / previews.length / 1024),
        decryptMs: summarise(decrypt),
        plainReadMs: summarise(plainRead),
      },
      aesGcmMegabytesPerSecond: { seal: round(8 / (summarise(sealMs).median / 1000)), open: round(8 / (summarise(unsealMs).median / 1000)) },
      database,
      importEncrypted: {
        bundles: count,
        imported: results.filter((r) => r.outcome !== 'rejected').length,
        seconds: round(importMs / 1000),
        casesPerSecond: round(count / (importMs / 1000)),
      },
    }
  } finally {
    for (const d of [corpus, dataDir, scratch]) rmSync(d, { recursive: true, force: true })
  }
}
