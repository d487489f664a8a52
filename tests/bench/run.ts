/**
 * `npm run bench [-- name…]`: runs every tests/bench/*.bench.ts (or the named ones) and writes
 * their figures to bench-results.json (naming some keeps the others' last figures). Benchmarks
 * print numbers; they never pass or fail.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const dir = resolve('tests/bench')
const only = process.argv.slice(2)
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).filter((f) => only.length === 0 || only.includes(f.replace('.bench.ts', '')))

// Running some benches keeps the others' last figures: the file always holds every bench.
const previous = only.length > 0 && existsSync('bench-results.json') ? (JSON.parse(readFileSync('bench-results.json', 'utf8')) as Record<string, unknown>) : {}
const results: Record<string, unknown> = {
  ...previous,
  at: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
}
for (const file of files) {
  const name = file.replace('.bench.ts', '')
  process.stderr.write(`bench ${name}…\n`)
  try {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: () => Promise<Record<string, unknown>> }
    results[name] = await mod.default()
  } catch (error) {
    results[name] = { error: error instanceof Error ? error.message : String(error) }
  }
  process.stderr.write(`${JSON.stringify(results[name], null, 2)}\n`)
}
writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`)
process.stderr.write('wrote bench-results.json\n')
