import type Database from 'better-sqlite3-multiple-ciphers'
import { MIGRATIONS } from './migrations'

export interface Migration {
  version: number
  name: string
  up(db: Database.Database): void
}

export const LATEST_VERSION = MIGRATIONS.length

/** Applies every pending migration, each in its own transaction with its user_version bump. */
export function migrate(db: Database.Database): void {
  MIGRATIONS.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} is numbered ${m.version}, expected ${i + 1}`)
  })
  const current = db.pragma('user_version', { simple: true }) as number
  for (const migration of MIGRATIONS.slice(current)) {
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
}
