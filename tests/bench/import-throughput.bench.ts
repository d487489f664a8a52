import { mkdtempSync, rmSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeDemoCorpus } from '../../src/main/demo'
import { openServices } from '../../src/main/services/app-services'
import { freshKeys } from '../helpers/keys'

function folderBytes(dir: string): number {
  let total = 0
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    const s = statSync(p)
    total += s.isDirectory() ? folderBytes(p) : s.size
  }
  return total
}

/**
 * Issue 3: import throughput for BENCH_IMPORT_COUNT (default 1,000) demo bundles, including
 * hashing, previews and thumbnails (analysis not included: it runs afterwards in the
 * background), in cases/s and MB/s of bundle files, and the process's peak memory.
 */
export default async function bench(): Promise<Record<string, unknown>> {
  const count = Number(process.env.BENCH_IMPORT_COUNT ?? 1000)
  const corpus = mkdtempSync(join(tmpdir(), 'kyc-bench-import-corpus-'))
  const dataDir = mkdtempSync(join(tmpdir(), 'kyc-bench-import-data-'))
  try {
    const genStart = performance.now()
    await writeDemoCorpus(corpus, { count, seed: 5 })
    const generateSeconds = (performance.now() - genStart) / 1000
    const bytes = folderBytes(corpus)
    // Analysis is not started: this measures the import itself (the pool is never used).
    const services = openServices(dataDir, { keys: freshKeys(), log: () => {}, replies: { startSender: false } })
    const original = services.analysis.enqueue.bind(services.analysis)
    services.analysis.enqueue = () => {}
    let peakRss = process.memoryUsage().rss
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)
    const start = performance.now()
    const results = await services.importer.importPaths([corpus])
    const seconds = (performance.now() - start) / 1000
    clearInterval(sampler)
    services.analysis.enqueue = original
    await services.close()
    return {
      bundles: count,
      generateSeconds: Math.round(generateSeconds * 10) / 10,
      imported: results.filter((r) => r.outcome !== 'rejected').length,
      rejected: results.filter((r) => r.outcome === 'rejected').length,
      seconds: Math.round(seconds * 10) / 10,
      casesPerSecond: Math.round((count / seconds) * 10) / 10,
      megabytesPerSecond: Math.round((bytes / 2 ** 20 / seconds) * 10) / 10,
      corpusMegabytes: Math.round((bytes / 2 ** 20) * 10) / 10,
      peakRssMegabytes: Math.round(peakRss / 2 ** 20),
      target: '≥ 20 cases/s including previews',
    }
  } finally {
    rmSync(corpus, { recursive: true, force: true })
    rmSync(dataDir, { recursive: true, force: true })
  }
}
