import { parseArgs, type ParseArgsConfig } from 'node:util'
import { mkdtemp, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultDataDir, resolveDataDir } from './data-dir'
import type { Cause } from '../shared/domain/causes'

// Commands load what they need when they run: `--help` and `demo` do not pay for the
// database, the OCR engine or the face models.
const services = () => import('./services/app-services')

export const USAGE = `kyc-desk — the KYC Desk engine without a window

Usage:
  kyc-desk analyze <case-folder-or-zip> [--data-dir D] --json
      Analyse one bundle without importing it; print the findings as JSON.
  kyc-desk import <path…> [--data-dir D] [--replace]
      Import case folders / zips / folders of them into the database, and analyse them.
  kyc-desk eval <corpus-dir> [--json]
      Analyse every bundle with expected.causes; print precision, recall, F1 per cause.
  kyc-desk demo <out-dir> [--count N] [--seed S]
      Write a labelled corpus of realistic bundles covering every cause.

Options:
  --data-dir D   the database and artifact store to use (default: $KYC_DESK_DATA_DIR, else the app's own)
  -h, --help     show this help

Exit codes: 0 success, 1 something was rejected (reasons on stderr), 2 usage error.`

export class UsageError extends Error {}

export interface Io {
  out: (text: string) => void
  err: (text: string) => void
}

const stdio: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true as const, strict: true as const })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

const dataDirOption = { 'data-dir': { type: 'string' } } as const

function dataDirFrom(value: string | undefined): string {
  return resolveDataDir(value ? ['--data-dir', value] : [], process.env, defaultDataDir())
}

type Command = (args: string[], io: Io) => Promise<number>

function wholeNumber(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number, not "${value}"`)
  return n
}

const commands: Record<string, Command> = {
  async analyze(args, io) {
    const { values, positionals } = parse(args, { ...dataDirOption, json: { type: 'boolean' } })
    if (positionals.length !== 1) throw new UsageError('analyze takes exactly one case folder or zip')
    const { discoverBundles, readBundle } = await import('./import')
    const { runTask, closeCrossCaseLookups } = await import('./analysis/run-task')
    const { loadAnalysisSettings } = await import('./analysis/settings')
    const sources = []
    for await (const source of discoverBundles(positionals)) sources.push(source)
    if (sources.length !== 1) {
      const reason = sources.length === 0 ? 'no case bundle found there' : `it holds ${sources.length} bundles; analyze takes one (use import for many)`
      io.err(`rejected: ${positionals[0]}: ${reason}\n`)
      return 1
    }
    const read = await readBundle(sources[0])
    if (!read.ok) {
      io.err(`rejected: ${read.sourceLabel}\n`)
      for (const e of read.errors) io.err(`  ${e.file}${e.path ? ` at ${e.path}` : ''} [${e.rule}]: ${e.message}\n`)
      return 1
    }
    // Cross-case checks need a database: --data-dir must hold one; KYC_DESK_DATA_DIR is used if it does.
    let dbPath: string | undefined
    if (values['data-dir']) {
      dbPath = join(values['data-dir'], 'kyc-desk.sqlite')
      if (!existsSync(dbPath)) throw new UsageError(`--data-dir ${values['data-dir']} holds no KYC Desk database`)
    } else if (process.env.KYC_DESK_DATA_DIR && existsSync(join(process.env.KYC_DESK_DATA_DIR, 'kyc-desk.sqlite'))) {
      dbPath = join(process.env.KYC_DESK_DATA_DIR, 'kyc-desk.sqlite')
    }
    const result = await runTask({
      bundle: read.bundle,
      files: read.files.map((f) => ({ name: f.name, role: f.role, side: f.side, bytes: f.bytes, problem: f.problem })),
      settings: loadAnalysisSettings(),
      now: new Date().toISOString(),
      dbPath,
    }).finally(closeCrossCaseLookups)
    const findings = result.findings.map(({ analyser: _a, analyserVersion: _v, ...finding }) => finding)
    if (values.json) {
      io.out(`${JSON.stringify({ caseId: read.bundle.caseId, primaryCause: result.primaryCause, findings, documentData: result.documentData }, null, 2)}\n`)
    } else {
      io.out(`${read.bundle.caseId} attempt ${read.bundle.attempt}: primary cause ${result.primaryCause ?? 'none'}\n`)
      for (const f of findings) io.out(`  [${f.severity}] ${f.cause}/${f.code} (${Math.round(f.confidence * 100)}%): ${f.explanation.en}\n`)
    }
    return 0
  },

  async eval(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } })
    if (positionals.length !== 1) throw new UsageError('eval takes one corpus folder')
    // The corpus is imported into a scratch database so that cross-case checks see every case.
    const { openServices } = await services()
    const { formatReport, scoreCases } = await import('./analysis/evaluate')
    const { attemptsWithDetectedCauses } = await import('./db/queries/evaluation')
    const scratch = await mkdtemp(join(tmpdir(), 'kyc-desk-eval-'))
    const app = openServices(scratch, { log: () => {}, replies: { startSender: false } })
    try {
      const imported = await app.importer.importPaths(positionals, { agent: 'eval' })
      for (const r of imported.filter((x) => x.outcome === 'rejected')) io.err(`rejected: ${r.source}: ${r.errors?.map((e) => e.message).join('; ')}\n`)
      await app.analysis.idle()
      const cases = attemptsWithDetectedCauses(app.db).flatMap((a) => {
        const expected = (JSON.parse(a.caseJson) as { expected?: { causes?: string[] } }).expected?.causes
        if (!expected) return []
        return [{ caseId: a.caseId, attempt: a.attempt, expected, detected: (a.causes ? a.causes.split(',') : []) as Cause[] }]
      })
      const report = scoreCases(cases)
      io.out(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`)
      return 0
    } finally {
      await app.close()
      await rm(scratch, { recursive: true, force: true })
    }
  },

  async demo(args, io) {
    const { values, positionals } = parse(args, { count: { type: 'string' }, seed: { type: 'string' } })
    if (positionals.length !== 1) throw new UsageError('demo takes one output folder')
    const count = wholeNumber(values.count, '--count', 60)
    const seed = wholeNumber(values.seed, '--seed', 1)
    if (count < 1) throw new UsageError('--count must be at least 1')
    const { writeDemoCorpus } = await import('./demo')
    const summary = await writeDemoCorpus(positionals[0], { count, seed })
    io.out(`wrote ${summary.written} bundles to ${positionals[0]}\n`)
    for (const [cause, n] of Object.entries(summary.byCause)) io.out(`  ${cause}: ${n}\n`)
    return 0
  },

  async import(args, io) {
    const { values, positionals } = parse(args, { ...dataDirOption, replace: { type: 'boolean' } })
    if (positionals.length === 0) throw new UsageError('import needs at least one path')
    const { openServices } = await services()
    // The CLI never sends replies: the app's outbox does, with its own password store.
    const app = openServices(dataDirFrom(values['data-dir']), { replies: { startSender: false } })
    try {
      const results = await app.importer.importPaths(positionals, {
        replace: Boolean(values.replace),
        agent: 'cli',
        onProgress: (p) => io.err(`\rimporting: ${p.processed} read, ${p.imported} imported, ${p.unchanged} already present, ${p.rejected} rejected`),
      })
      io.err('\n')
      let rejected = 0
      for (const r of results) {
        if (r.outcome === 'rejected') {
          rejected++
          io.err(`rejected: ${r.source}\n`)
          for (const e of r.errors ?? []) io.err(`  ${e.file}${e.path ? ` at ${e.path}` : ''} [${e.rule}]: ${e.message}\n`)
          if (r.quarantinedAt) io.err(`  quarantined copy: ${r.quarantinedAt}\n`)
        } else {
          io.out(`${r.outcome}: ${r.caseId} attempt ${r.attempt} (${r.source})\n`)
        }
      }
      const imported = results.length - rejected
      io.out(`${imported} imported or already present, ${rejected} rejected, into ${app.dataDir}\n`)
      if (app.analysis.backlog > 0) {
        io.err(`analysing ${app.analysis.backlog} attempts…\n`)
        await app.analysis.idle()
      }
      return rejected > 0 ? 1 : 0
    } finally {
      await app.close()
    }
  },
}

/** Entry point; returns the exit code. */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [name, ...rest] = argv
  if (!name) {
    io.err(`${USAGE}\n`)
    return 2
  }
  if (name === '-h' || name === '--help' || name === 'help') {
    io.out(`${USAGE}\n`)
    return 0
  }
  const command = commands[name]
  if (!command) {
    io.err(`kyc-desk: unknown command "${name}"\n\n${USAGE}\n`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${USAGE}\n`)
    return 0
  }
  try {
    return await command(rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`kyc-desk ${name}: ${error.message}\n\n${USAGE}\n`)
      return 2
    }
    io.err(`kyc-desk ${name}: ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }
}
