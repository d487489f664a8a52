import Database from 'better-sqlite3-multiple-ciphers'
import * as sqliteVec from 'sqlite-vec'
import { copyFileSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { applyKey, isPlaintextDatabase, nativeOptions, type DatabaseKey, type Db, type OpenOptions } from './connection'
import { LATEST_VERSION } from './migrate'
import { DatabaseTooNewError } from './connection'
import { referencedShas } from './queries/artifacts'
import { CannotUnlockError } from '../keys/errors'
import { AppError } from '../../shared/result'

/** Another process has the database open (the app, an import, the web host). */
export class DataDirBusyError extends AppError {
  constructor(dataDir: string) {
    super('CONFLICT', `The case database in ${dataDir} is in use by another KYC Desk process (the app, an import or the web host). Close it and try again.`)
    this.name = 'DataDirBusyError'
  }
}

/**
 * The case database held exclusively while it is copied under a new key (a key rotation, or
 * encrypting a database written before encryption at rest). It is switched to rollback-journal
 * mode and kept inside an EXCLUSIVE transaction: no other process can read or write it until
 * release(), so the copy misses nothing.
 */
export class ExclusiveDatabase {
  private readonly db: Db

  /** `key` null: the database is a plaintext one from before encryption at rest. */
  constructor(
    private readonly file: string,
    private readonly key: DatabaseKey | null,
    private readonly options: OpenOptions = {},
  ) {
    if (key === null && !isPlaintextDatabase(file)) throw new Error(`${file} is not a plaintext database`)
    this.db = new Database(file, { ...nativeOptions(options), fileMustExist: true })
    try {
      applyKey(this.db, key)
      sqliteVec.load(this.db)
      this.db.pragma('busy_timeout = 2000')
      const version = this.db.pragma('user_version', { simple: true }) as number
      if (version > LATEST_VERSION) throw new DatabaseTooNewError(file, version)
      this.db.pragma('wal_checkpoint(TRUNCATE)')
      const mode = this.db.pragma('journal_mode = DELETE', { simple: true }) as string
      if (mode !== 'delete') throw new DataDirBusyError(dirname(file))
      this.db.exec('BEGIN EXCLUSIVE')
    } catch (error) {
      this.db.close()
      if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new CannotUnlockError(dirname(file))
      if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new DataDirBusyError(dirname(file))
      throw error
    }
  }

  /** Every artifact the database knows (what the store must carry over). */
  artifactShas(): string[] {
    return [...referencedShas(this.db)]
  }

  /**
   * Writes `target` (replaced if present): the same database encrypted with `to`. The copy is
   * re-keyed in rollback-journal mode (SQLite3 Multiple Ciphers cannot rekey in WAL mode), then
   * put back in WAL mode and checked.
   */
  copyTo(target: string, to: DatabaseKey): void {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true })
    copyFileSync(this.file, target)
    const copy = new Database(target, { ...nativeOptions(this.options), fileMustExist: true })
    try {
      applyKey(copy, this.key)
      copy.pragma('journal_mode = DELETE')
      copy.pragma("cipher = 'sqlcipher'")
      copy.pragma('legacy = 4')
      copy.pragma(`rekey = "x'${to.toString('hex')}'"`)
      copy.pragma('journal_mode = WAL')
    } finally {
      copy.close()
    }
    // Read-write, so that closing it checkpoints and removes the WAL it creates.
    const check = new Database(target, { ...nativeOptions(this.options), fileMustExist: true })
    try {
      applyKey(check, to)
      sqliteVec.load(check)
      const result = check.pragma('quick_check', { simple: true })
      if (result !== 'ok') throw new Error(`The re-encrypted copy of the case database fails its check: ${String(result)}`)
    } finally {
      check.close()
    }
  }

  /** Ends the exclusive hold; the database goes back to WAL mode when next opened. */
  release(): void {
    if (!this.db.open) return
    if (this.db.inTransaction) this.db.exec('ROLLBACK')
    this.db.close()
  }
}
