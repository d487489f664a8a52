import { parseArgs, type ParseArgsConfig } from 'node:util'
import { defaultDataDir, resolveDataDir } from './data-dir'
import { openServices } from './services/app-services'

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

const commands: Record<string, Command> = {
  async import(args, io) {
    const { values, positionals } = parse(args, { ...dataDirOption, replace: { type: 'boolean' } })
    if (positionals.length === 0) throw new UsageError('import needs at least one path')
    const services = openServices(dataDirFrom(values['data-dir']))
    try {
      const results = await services.importer.importPaths(positionals, { replace: Boolean(values.replace), agent: 'cli' })
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
      io.out(`${imported} imported or already present, ${rejected} rejected, into ${services.dataDir}\n`)
      return rejected > 0 ? 1 : 0
    } finally {
      services.close()
    }
  },
}

/** Entry point; returns the exit code. */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    io.out(`${USAGE}\n`)
    return name ? 0 : 2
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
