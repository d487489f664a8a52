import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeDemoCorpus } from '../../src/main/demo'
import { main } from '../../src/main/cli'
import type { EvalReport } from '../../src/main/analysis/evaluate'

/**
 * Per-cause precision / recall / F1 of the whole analysis on a fresh demo corpus (issue 4, 5, 6
 * targets: F1 ≥ 0.95 per cause on the demo corpus). BENCH_EVAL_COUNT bundles, seed BENCH_EVAL_SEED.
 */
export default async function bench(): Promise<Record<string, unknown>> {
  const count = Number(process.env.BENCH_EVAL_COUNT ?? 60)
  const seed = Number(process.env.BENCH_EVAL_SEED ?? 1)
  const dir = mkdtempSync(join(tmpdir(), 'kyc-bench-eval-'))
  try {
    await writeDemoCorpus(dir, { count, seed })
    let out = ''
    const started = performance.now()
    await main(['eval', dir, '--json'], { out: (t) => (out += t), err: () => {} })
    const seconds = (performance.now() - started) / 1000
    const report = JSON.parse(out) as EvalReport
    return {
      bundles: count,
      seed,
      seconds: Math.round(seconds * 10) / 10,
      casesPerSecond: Math.round((report.cases / seconds) * 100) / 100,
      exactMatch: `${report.exactMatch}/${report.cases}`,
      f1: Object.fromEntries(report.perCause.map((c) => [c.cause, c.f1])),
      perCause: report.perCause,
      confusion: report.confusion,
      mistakes: report.mistakes,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
