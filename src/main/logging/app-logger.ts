import { join } from 'node:path'
import type { Db } from '../db/connection'
import { casesFingerprint, customerIdentifiers } from '../db/queries/pii'
import { createLogger, type Logger } from './logger'
import { knownPii, type KnownPii } from './redact'

/** Where a data dir's log files are. */
export function logDir(dataDir: string): string {
  return join(dataDir, 'logs')
}

/**
 * The redaction dictionary of one database: every customer name and document number, rebuilt
 * only when the cases table changed (a count and two maxima, checked when a line is written).
 */
export function knownPiiOf(db: Db): () => KnownPii | undefined {
  let fingerprint = ''
  let cached: KnownPii | undefined
  return () => {
    if (!db.open) return cached
    const now = casesFingerprint(db)
    if (now !== fingerprint || !cached) {
      const ids = customerIdentifiers(db)
      cached = knownPii(ids.names, ids.documentNumbers)
      fingerprint = now
    }
    return cached
  }
}

/** The logger of the app, the CLI and the web host: `<dataDir>/logs/kyc-desk.log`, redacted, echoed to `echo` if given. */
export function createAppLogger(db: Db, dataDir: string, echo?: (line: string) => void): Logger {
  return createLogger({ dir: logDir(dataDir), console: echo, known: knownPiiOf(db) })
}
