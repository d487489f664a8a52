import type { Db } from '../connection'

export function appendAuditEvent(db: Db, e: { at: string; agent: string; action: string; casePk: number | null; detail: object }): void {
  db.prepare('INSERT INTO audit_events (at, agent, action, case_pk, detail) VALUES (?, ?, ?, ?, ?)').run(
    e.at, e.agent, e.action, e.casePk, JSON.stringify(e.detail))
}

interface AuditRecord {
  id: number
  at: string
  agent: string
  action: string
  case_pk: number | null
  case_id: string | null
  detail: string
}

export interface AuditFilter {
  casePk?: number
  action?: string
  from?: string
  to?: string
}

function auditWhere(f: AuditFilter): { sql: string; params: unknown[] } {
  const where: string[] = []
  const params: unknown[] = []
  if (f.casePk !== undefined) { where.push('e.case_pk = ?'); params.push(f.casePk) }
  if (f.action) { where.push('e.action = ?'); params.push(f.action) }
  if (f.from) { where.push('e.at >= ?'); params.push(f.from) }
  if (f.to) { where.push('e.at <= ?'); params.push(f.to) }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params }
}

const toAuditEvent = (r: AuditRecord) => ({
  id: r.id,
  at: r.at,
  agent: r.agent,
  action: r.action,
  caseId: r.case_pk,
  casePlatformId: r.case_id,
  detail: JSON.parse(r.detail) as Record<string, unknown>,
})

/** Events newest first, with the platform case id when the case still exists. */
export function listAuditEvents(db: Db, f: AuditFilter, limit: number, offset: number) {
  const { sql, params } = auditWhere(f)
  const rows = db
    .prepare(`SELECT e.*, c.case_id FROM audit_events e LEFT JOIN cases c ON c.id = e.case_pk ${sql} ORDER BY e.id DESC LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as AuditRecord[]
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM audit_events e ${sql}`).get(...params) as { n: number }).n
  return { events: rows.map(toAuditEvent), total }
}

/** Every matching event oldest first, one at a time (an export can be large). */
export function* iterateAuditEvents(db: Db, f: AuditFilter) {
  const { sql, params } = auditWhere(f)
  const stmt = db.prepare(`SELECT e.*, c.case_id FROM audit_events e LEFT JOIN cases c ON c.id = e.case_pk ${sql} ORDER BY e.id`)
  for (const r of stmt.iterate(...params) as Iterable<AuditRecord>) yield toAuditEvent(r)
}
