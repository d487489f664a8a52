import type { Db } from '../connection'

/** Small app-wide settings (JSON strings), never secrets: the SMTP password lives in a SecretStore. */
export function getAppSetting(db: Db, key: string): string | undefined {
  return (db.prepare('SELECT value FROM app_settings WHERE key = ?').get(key) as { value: string } | undefined)?.value
}

export function putAppSetting(db: Db, key: string, value: string, now: string): void {
  db.prepare(
    'INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  ).run(key, value, now)
}

/** Sets the value only when absent; returns the value now stored. */
export function ensureAppSetting(db: Db, key: string, value: string, now: string): string {
  db.prepare('INSERT OR IGNORE INTO app_settings (key, value, updated_at) VALUES (?, ?, ?)').run(key, value, now)
  return getAppSetting(db, key)!
}
