import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { redactPii, type KnownPii } from './redact'

export type LogLevel = 'INFO' | 'WARN' | 'ERROR'

export interface Logger {
  info(message: string): void
  warn(message: string, error?: unknown): void
  error(message: string, error?: unknown): void
  /** The `(message, error?)` function the services take: an error makes it an ERROR line. */
  readonly log: (message: string, error?: unknown) => void
  /** The file written to, or null for a console-only logger. */
  readonly file: string | null
}

export interface LoggerOptions {
  /** The folder of the log file (`<dataDir>/logs`); absent: no file. */
  dir?: string
  /** Also write each (redacted) line here: stderr in development and in the test web host. */
  console?: (line: string) => void
  /** Size at which the file is rotated. */
  maxBytes?: number
  /** Rotated files kept (kyc-desk.1.log is the newest). */
  keep?: number
  /** The desk's customer names and document numbers, for redaction (read when a line is written). */
  known?: () => KnownPii | undefined
}

export const LOG_FILE = 'kyc-desk.log'
/** 1 MiB × 5 files: weeks of normal logging, and a runaway error loop cannot fill the disk. */
export const LOG_MAX_BYTES = 1024 * 1024
export const LOG_KEEP = 4

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`
  if (typeof error === 'string') return error
  return inspect(error, { depth: 3, breakLength: Infinity })
}

/** `kyc-desk.log` → `kyc-desk.<n>.log`. */
export function rotatedName(n: number): string {
  return LOG_FILE.replace(/\.log$/, `.${n}.log`)
}

/**
 * The main process's one logger. Every line goes through the PII redaction before it is written
 * to the file or the console, so no caller can leak a customer's data by logging an error that
 * quotes it. Writes are synchronous appends (a line is on disk before a crash that follows it);
 * a failure to write is swallowed: logging must never take the app down.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES
  const keep = options.keep ?? LOG_KEEP
  const file = options.dir ? join(options.dir, LOG_FILE) : null
  let size = 0
  if (options.dir && file) {
    try {
      mkdirSync(options.dir, { recursive: true })
      size = existsSync(file) ? statSync(file).size : 0
    } catch {
      // No folder, no file logging: the console (if any) still gets the lines.
    }
  }

  function rotate(): void {
    if (!options.dir || !file) return
    rmSync(join(options.dir, rotatedName(keep)), { force: true })
    for (let n = keep - 1; n >= 1; n--) {
      const from = join(options.dir, rotatedName(n))
      if (existsSync(from)) renameSync(from, join(options.dir, rotatedName(n + 1)))
    }
    if (keep >= 1 && existsSync(file)) renameSync(file, join(options.dir, rotatedName(1)))
    else rmSync(file, { force: true })
    size = 0
  }

  function write(level: LogLevel, message: string, error?: unknown): void {
    let known: KnownPii | undefined
    try {
      known = options.known?.()
    } catch {
      known = undefined // the dictionary is a second layer; the patterns still apply
    }
    const text = redactPii(error === undefined ? message : `${message}: ${describeError(error)}`, known)
    const line = `${new Date().toISOString()} ${level} ${text.replace(/\r?\n/g, '\n    ')}\n`
    try {
      options.console?.(line.trimEnd())
    } catch {
      // A closed stderr must not stop file logging.
    }
    if (!file) return
    try {
      const bytes = Buffer.byteLength(line)
      if (size > 0 && size + bytes > maxBytes) rotate()
      appendFileSync(file, line)
      size += bytes
    } catch {
      // Disk full or folder gone: nothing sensible to do from inside the logger.
    }
  }

  return {
    file,
    info: (message) => write('INFO', message),
    warn: (message, error) => write('WARN', message, error),
    error: (message, error) => write('ERROR', message, error),
    log: (message, error) => write(error === undefined ? 'INFO' : 'ERROR', message, error),
  }
}
