import Database from 'better-sqlite3-multiple-ciphers'
import * as sqliteVec from 'sqlite-vec'
import { existsSync } from 'node:fs'
import { LATEST_VERSION, migrate } from './migrate'

export type Db = Database.Database

export class DatabaseTooNewError extends Error {
  constructor(file: string, found: number) {
    super(
      `The case database ${file} was written by a newer version of KYC Desk (schema ${found}; ` +
        `this version knows up to ${LATEST_VERSION}). It was not changed. Update KYC Desk to open it.`,
    )
    this.name = 'DatabaseTooNewError'
  }
}

/** A read-only connection for a worker (cross-case checks), with the same extensions loaded. */
export function openReadOnly(file: string): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  sqliteVec.load(db)
  // The nearest-face search scans every stored descriptor (51 MB per 100,000): memory-mapped
  // pages make repeated scans 3x faster than reads through the page cache (npm run bench).
  db.pragma('mmap_size = 536870912')
  return db
}

export interface OpenOptions {
  /** Path to the native addon built for Electron's ABI, when running inside Electron. */
  nativeBinding?: string
}

/**
 * Opens (creating if needed) and migrates the case database. The schema version is checked
 * before anything is written, so a database from the future is left byte-for-byte untouched.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const dbOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
  if (existsSync(file)) {
    const probe = new Database(file, { ...dbOptions, readonly: true, fileMustExist: true })
    try {
      const version = probe.pragma('user_version', { simple: true }) as number
      if (version > LATEST_VERSION) throw new DatabaseTooNewError(file, version)
    } finally {
      probe.close()
    }
  }
  const db = new Database(file, dbOptions)
  try {
    // Vector search for the duplicate-face check (face_embeddings is a vec0 table).
    sqliteVec.load(db)
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    // NORMAL is durable in WAL mode except for the last transactions on power loss, never corrupt.
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 5000')
    migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
