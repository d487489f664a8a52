import type { Db } from '../connection'
import type { TemplatePurpose, TemplateVariant } from '../../../shared/domain/reply'

export interface TemplateRecord {
  id: number
  key: string
  locale: string
  purpose: TemplatePurpose
  subject: string
  body: string
  description: string
  updated_at: string
}

export function listTemplateRecords(db: Db): TemplateRecord[] {
  return db.prepare('SELECT * FROM templates ORDER BY key, locale').all() as TemplateRecord[]
}

export function templateRecords(db: Db, key: string): TemplateRecord[] {
  return db.prepare('SELECT * FROM templates WHERE key = ? ORDER BY locale').all(key) as TemplateRecord[]
}

export function templateExists(db: Db, key: string): boolean {
  return db.prepare('SELECT 1 FROM templates WHERE key = ? LIMIT 1').get(key) !== undefined
}

/** Replaces every variant of a template (call inside a transaction). */
export function replaceTemplate(
  db: Db,
  t: { key: string; purpose: TemplatePurpose; description: string; variants: readonly TemplateVariant[] },
  now: string,
): void {
  db.prepare('DELETE FROM templates WHERE key = ?').run(t.key)
  const insert = db.prepare(
    'INSERT INTO templates (key, locale, purpose, subject, body, description, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  for (const v of t.variants) insert.run(t.key, v.locale, t.purpose, v.subject, v.body, t.description, now)
}

export function deleteTemplate(db: Db, key: string): number {
  return db.prepare('DELETE FROM templates WHERE key = ?').run(key).changes
}

/** Replies queued from each template, cancelled ones not counted. */
export function templateUsage(db: Db): Map<string, number> {
  const rows = db
    .prepare("SELECT template_key AS k, COUNT(*) AS n FROM outbox WHERE template_key IS NOT NULL AND state <> 'cancelled' GROUP BY template_key")
    .all() as { k: string; n: number }[]
  return new Map(rows.map((r) => [r.k, r.n]))
}
