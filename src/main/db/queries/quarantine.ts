import type { Db } from '../connection'

export function insertQuarantine(db: Db, q: { at: string; sourceLabel: string; storedAt: string; errors: object[] }): number {
  return Number(
    db.prepare('INSERT INTO quarantine (at, source_label, stored_at, errors) VALUES (?, ?, ?, ?)').run(
      q.at, q.sourceLabel, q.storedAt, JSON.stringify(q.errors)).lastInsertRowid,
  )
}
