import Database from 'better-sqlite3-multiple-ciphers'
import * as sqliteVec from 'sqlite-vec'
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { LATEST_VERSION, migrate } from './migrate'
import { CannotUnlockError } from '../keys/errors'

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

/** A database written before encryption at rest; openServices encrypts it in place first. */
export class UnencryptedDatabaseError extends Error {
  constructor(file: string) {
    super(`The case database ${file} is not encrypted. Open the data dir with KYC Desk (app or command line) to encrypt it first.`)
    this.name = 'UnencryptedDatabaseError'
  }
}

/** The raw 256-bit database key (derived from the data dir's data key; see keys/data-keys.ts). */
export type DatabaseKey = Buffer

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** Whether the file is a plain (unencrypted) SQLite database: its first 16 bytes say so in clear. */
export function isPlaintextDatabase(file: string): boolean {
  if (!existsSync(file) || statSync(file).size < PLAIN_HEADER.length) return false
  const fd = openSync(file, 'r')
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length)
    readSync(fd, head, 0, head.length, 0)
    return head.equals(PLAIN_HEADER)
  } finally {
    closeSync(fd)
  }
}

/**
 * Keys a fresh connection. SQLCipher v4 format (AES-256-CBC with an HMAC-SHA512 per page) rather
 * than the library's default ChaCha20: the same speed here (npm run bench -- crypto), and a file
 * the standard `sqlcipher` tool opens with the raw key, for recovery. The key is raw (`x'…'`), so
 * SQLCipher's own PBKDF2 (256,000 rounds per connection) is skipped: the key is random already.
 * Temporary tables, sorts and VACUUM copies stay in memory: SQLite3 Multiple Ciphers does not
 * encrypt temporary files, and this build defaults them to disk (TEMP_STORE=1).
 */
export function applyKey(db: Db, key: DatabaseKey | null): void {
  if (key) {
    db.pragma("cipher = 'sqlcipher'")
    db.pragma('legacy = 4')
    db.pragma(`key = "x'${key.toString('hex')}'"`)
  }
  db.pragma('temp_store = MEMORY')
}

/**
 * Page cache of the main connection, which runs the nearest-face search when a new face may change
 * later cases' checks: the scan reads every stored descriptor (51 MB per 100,000), and an encrypted
 * database cannot be memory-mapped, so each page read from disk is decrypted and its HMAC checked.
 * Kept in SQLite's cache (filled only as pages are read; a connection's own commits keep it), a
 * repeated scan costs about what it did memory-mapped in clear. Workers search an in-memory copy
 * instead (analysis/face-index-mirror.ts): other connections' commits empty a reader's cache.
 */
const SCAN_CACHE_KIB = 131_072

function isNotADatabase(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_NOTADB'
}

/** Reads user_version with the key; a key that does not open the file is CannotUnlockError. */
function probeVersion(file: string, key: DatabaseKey, dbOptions: Database.Options): number {
  const plain = isPlaintextDatabase(file)
  const probe = new Database(file, { ...dbOptions, readonly: true, fileMustExist: true })
  try {
    applyKey(probe, plain ? null : key)
    const version = probe.pragma('user_version', { simple: true }) as number
    if (version > LATEST_VERSION) throw new DatabaseTooNewError(file, version)
    if (plain) throw new UnencryptedDatabaseError(file)
    return version
  } catch (error) {
    if (isNotADatabase(error)) throw new CannotUnlockError(dirname(file), 'or the file is damaged')
    throw error
  } finally {
    probe.close()
  }
}

/** A read-only connection for a worker (cross-case checks), with the same extensions loaded. */
export function openReadOnly(file: string, key: DatabaseKey): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    applyKey(db, key)
    sqliteVec.load(db)
    db.pragma('user_version')
  } catch (error) {
    db.close()
    if (isNotADatabase(error)) throw new CannotUnlockError(dirname(file))
    throw error
  }
  return db
}

/** A database that lives in memory only (a worker's copy of the face descriptors), with sqlite-vec. */
export function openInMemory(): Db {
  const db = new Database(':memory:')
  applyKey(db, null)
  sqliteVec.load(db)
  return db
}

export interface OpenOptions {
  /** Path to the native addon built for Electron's ABI, when running inside Electron. */
  nativeBinding?: string
}

export function nativeOptions(options: OpenOptions): Database.Options {
  return options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
}

/**
 * Opens (creating if needed) and migrates the encrypted case database. The key and the schema
 * version are checked on a read-only handle before anything is written, so a database from the
 * future, or one the key does not open, is left byte-for-byte untouched.
 */
export function openDatabase(file: string, key: DatabaseKey, options: OpenOptions = {}): Db {
  const dbOptions = nativeOptions(options)
  if (existsSync(file) && statSync(file).size > 0) probeVersion(file, key, dbOptions)
  const db = new Database(file, dbOptions)
  try {
    applyKey(db, key)
    // Vector search for the duplicate-face check (face_embeddings is a vec0 table).
    sqliteVec.load(db)
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    // NORMAL is durable in WAL mode except for the last transactions on power loss, never corrupt.
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 5000')
    db.pragma(`cache_size = -${SCAN_CACHE_KIB}`)
    migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
