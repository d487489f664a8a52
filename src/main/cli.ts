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
  kyc-desk keys [--data-dir D]
      List the key slots that unlock the data dir (nothing is unlocked).
  kyc-desk set-passphrase [--data-dir D] [--drop-user-key]
      Add a passphrase (or change it) for the data dir; asked twice on the terminal, or taken
      from $KYC_DESK_NEW_KEY. --drop-user-key: remove the user key file, so only the
      passphrase (or the app's keychain) unlocks it.
  kyc-desk rotate-key [--data-dir D]
      Make a new data key: re-key the database and re-encrypt every file under it. The
      passphrase ($KYC_DESK_NEW_KEY if set, else the one used) and the user key are re-made.
  kyc-desk purge [--data-dir D] [--dry-run]
      Delete the images of cases closed longer ago than the retention period (the desk
      policy's retentionDays); findings, decisions and the audit log stay. --dry-run only lists.

Options:
  --data-dir D   the database and artifact store to use (default: $KYC_DESK_DATA_DIR, else the app's own)
  -h, --help     show this help

Encryption: the data dir is encrypted. It is unlocked with $KYC_DESK_KEY (its passphrase), else
this user's key file ($XDG_CONFIG_HOME/kyc-desk/keys), else a passphrase asked on the terminal.
A new data dir gets a key file when no passphrase is given (a note on stderr says where).

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

/** Unlocks a data dir the way every command does (keys/unlock.ts): KYC_DESK_KEY, the user key file, a prompt. */
async function unlock(dataDir: string, io: Io) {
  const { unlockDataDir } = await import('./keys/unlock')
  const { canPrompt, promptHidden } = await import('./cli-prompt')
  return unlockDataDir(dataDir, { allowUserKey: true, notice: (line) => io.err(`${line}\n`), prompt: canPrompt() ? promptHidden : undefined })
}

/** A new passphrase: $KYC_DESK_NEW_KEY, or asked twice on the terminal. */
async function newPassphrase(required: boolean): Promise<string | undefined> {
  if (process.env.KYC_DESK_NEW_KEY) return process.env.KYC_DESK_NEW_KEY
  const { canPrompt, promptHidden } = await import('./cli-prompt')
  if (!canPrompt()) {
    if (required) throw new UsageError('give the new passphrase in $KYC_DESK_NEW_KEY, or run in a terminal to be asked')
    return undefined
  }
  if (!required) return undefined
  const first = await promptHidden('New passphrase: ')
  const again = await promptHidden('The same again: ')
  if (first !== again) throw new Error('the two passphrases differ; nothing was changed')
  return first
}

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
    let dbDir: string | undefined
    if (values['data-dir']) {
      dbDir = values['data-dir']
      if (!existsSync(join(dbDir, 'kyc-desk.sqlite'))) throw new UsageError(`--data-dir ${values['data-dir']} holds no KYC Desk database`)
    } else if (process.env.KYC_DESK_DATA_DIR && existsSync(join(process.env.KYC_DESK_DATA_DIR, 'kyc-desk.sqlite'))) {
      dbDir = process.env.KYC_DESK_DATA_DIR
    }
    const dbPath = dbDir ? join(dbDir, 'kyc-desk.sqlite') : undefined
    const dbKey = dbDir ? (await unlock(dbDir, io)).keys.database.toString('hex') : undefined
    const result = await runTask({
      bundle: read.bundle,
      files: read.files.map((f) => ({ name: f.name, role: f.role, side: f.side, bytes: f.bytes, problem: f.problem })),
      settings: loadAnalysisSettings(),
      now: new Date().toISOString(),
      dbPath,
      dbKey,
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
    const { UnlockedKeys } = await import('./keys/data-keys')
    const scratch = await mkdtemp(join(tmpdir(), 'kyc-desk-eval-'))
    // A key that lives in this process only: the scratch copy is deleted at the end anyway.
    const app = openServices(scratch, { keys: UnlockedKeys.generate(), log: () => {}, replies: { startSender: false } })
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

  async purge(args, io) {
    const { values, positionals } = parse(args, { ...dataDirOption, 'dry-run': { type: 'boolean' } })
    if (positionals.length > 0) throw new UsageError('purge takes no paths')
    const dir = dataDirFrom(values['data-dir'])
    if (!existsSync(join(dir, 'kyc-desk.sqlite'))) throw new UsageError(`${dir} holds no KYC Desk database`)
    const dryRun = Boolean(values['dry-run'])
    const { openServices } = await services()
    // The command is the run: no purge at open, no sender, no analysis.
    const { keys } = await unlock(dir, io)
    const app = openServices(dir, { keys, retentionSchedule: false, workers: 1, replies: { startSender: false } })
    try {
      const days = app.privacy.policy.value('retentionDays')
      if (days === 0) {
        io.out('Retention is off (retentionDays is 0): nothing was deleted.\n')
        return 0
      }
      const run = app.privacy.retention.run({ dryRun })
      const size = `${(run.bytes / 1_048_576).toFixed(1)} MB`
      io.out(`${dryRun ? 'Would delete' : 'Deleted'} ${run.files} image files (${size}) of ${run.cases} cases closed before ${run.closedBefore} (retention ${days} days).\n`)
      for (const id of run.caseIds) io.out(`  ${id}\n`)
      if (run.sharedKept > 0) io.out(`Kept ${run.sharedKept} files that cases still open (or closed more recently) use too.\n`)
      return 0
    } finally {
      await app.close()
    }
  },

  async keys(args, io) {
    const { values, positionals } = parse(args, dataDirOption)
    if (positionals.length > 0) throw new UsageError('keys takes no paths')
    const dir = dataDirFrom(values['data-dir'])
    const { inspectDataDir } = await import('./keys/unlock')
    const { describeSlot } = await import('./keys/keyring')
    const { keyring } = inspectDataDir(dir)
    if (!keyring) {
      io.out(`${dir} has no key yet (it gets one when first used).\n`)
      return 0
    }
    io.out(`${dir}: data key ${keyring.keyId}, created ${keyring.createdAt.slice(0, 10)}\n`)
    for (const slot of keyring.slots) io.out(`  ${describeSlot(slot)}\n`)
    return 0
  },

  async 'set-passphrase'(args, io) {
    const { values, positionals } = parse(args, { ...dataDirOption, 'drop-user-key': { type: 'boolean' } })
    if (positionals.length > 0) throw new UsageError('set-passphrase takes no paths')
    const dir = dataDirFrom(values['data-dir'])
    const unlocked = await unlock(dir, io)
    const passphrase = (await newPassphrase(true))!
    const { setPassphrase } = await import('./keys/change-keys')
    const { userKeyDir } = await import('./keys/user-key')
    const keyring = await setPassphrase(dir, unlocked, passphrase, { userKeys: userKeyDir(), dropUserKey: Boolean(values['drop-user-key']) })
    io.out(`${dir} now opens with the new passphrase${values['drop-user-key'] ? ' (the user key file was removed)' : ''}: ${keyring.slots.length} key slot(s).\n`)
    return 0
  },

  async 'rotate-key'(args, io) {
    const { values, positionals } = parse(args, dataDirOption)
    if (positionals.length > 0) throw new UsageError('rotate-key takes no paths')
    const dir = dataDirFrom(values['data-dir'])
    if (!existsSync(join(dir, 'kyc-desk.sqlite'))) throw new UsageError(`${dir} holds no KYC Desk database`)
    const unlocked = await unlock(dir, io)
    const { rotateDataKey } = await import('./keys/change-keys')
    const { userKeyDir } = await import('./keys/user-key')
    const { describeSlot } = await import('./keys/keyring')
    const rotated = await rotateDataKey(dir, unlocked, {
      userKeys: userKeyDir(),
      newPassphrase: await newPassphrase(false),
      onStep: (s) => {
        if (s.step === 'database') io.err('rotate-key: re-keying the database…\n')
        else if (s.step === 'artifact' && s.done % 500 === 0) io.err(`rotate-key: re-encrypting files ${s.done}/${s.total}…\n`)
        else if (s.step === 'commit') io.err('rotate-key: switching to the new key…\n')
      },
    })
    io.out(`${dir}: new data key ${rotated.keyId}; ${rotated.artifacts} files and ${rotated.quarantined} quarantined files re-encrypted` +
      `${rotated.missing ? ` (${rotated.missing} already deleted by retention)` : ''}.\n`)
    for (const slot of rotated.slots) io.out(`  key slot: ${describeSlot(slot)}\n`)
    for (const slot of rotated.dropped) io.out(`  dropped (could not be re-made here; add it again): ${describeSlot(slot)}\n`)
    return 0
  },

  async import(args, io) {
    const { values, positionals } = parse(args, { ...dataDirOption, replace: { type: 'boolean' } })
    if (positionals.length === 0) throw new UsageError('import needs at least one path')
    const { openServices } = await services()
    const dir = dataDirFrom(values['data-dir'])
    const { keys } = await unlock(dir, io)
    // The CLI never sends replies: the app's outbox does, with its own password store.
    const app = openServices(dir, { keys, replies: { startSender: false } })
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
