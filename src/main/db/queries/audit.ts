import type { Db } from '../connection'

export function appendAuditEvent(db: Db, e: { at: string; agent: string; action: string; casePk: number | null; detail: object }): void {
  db.prepare('INSERT INTO audit_events (at, agent, action, case_pk, detail) VALUES (?, ?, ?, ?, ?)').run(
    e.at, e.agent, e.action, e.casePk, JSON.stringify(e.detail))
}
