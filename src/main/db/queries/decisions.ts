import type { Db } from '../connection'
import type { CaseStatus } from '../../../shared/domain/case'
import type { Decision, DecisionKind } from '../../../shared/domain/decision'

export interface NewDecision {
  casePk: number
  attemptPk: number
  kind: DecisionKind
  reason: string
  remedies: readonly string[]
  agent: string
  decidedAt: string
}

export function insertDecision(db: Db, d: NewDecision): number {
  const info = db
    .prepare('INSERT INTO decisions (case_pk, attempt_pk, kind, reason, remedies, agent, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(d.casePk, d.attemptPk, d.kind, d.reason, JSON.stringify(d.remedies), d.agent, d.decidedAt)
  return Number(info.lastInsertRowid)
}

interface DecisionRecord {
  id: number
  case_pk: number
  attempt: number
  kind: DecisionKind
  reason: string
  remedies: string
  agent: string
  decided_at: string
  outbox_id: number | null
}

const SELECT = `SELECT d.id, d.case_pk, a.attempt, d.kind, d.reason, d.remedies, d.agent, d.decided_at,
    (SELECT o.id FROM outbox o WHERE o.decision_pk = d.id ORDER BY o.id LIMIT 1) AS outbox_id
  FROM decisions d JOIN attempts a ON a.id = d.attempt_pk`

function toDecision(r: DecisionRecord): Decision {
  return {
    id: r.id,
    caseId: r.case_pk,
    attempt: r.attempt,
    kind: r.kind,
    reason: r.reason,
    remedies: JSON.parse(r.remedies),
    agent: r.agent,
    decidedAt: r.decided_at,
    outboxId: r.outbox_id,
  }
}

export function listDecisions(db: Db, casePk: number): Decision[] {
  return (db.prepare(`${SELECT} WHERE d.case_pk = ? ORDER BY d.id DESC`).all(casePk) as DecisionRecord[]).map(toDecision)
}

export function getDecision(db: Db, id: number): Decision | undefined {
  const r = db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as DecisionRecord | undefined
  return r ? toDecision(r) : undefined
}

/** The desk's workflow status follows the decision (the queue reads it). */
export function setCaseStatus(db: Db, casePk: number, status: CaseStatus, now: string): void {
  db.prepare('UPDATE cases SET status = ?, updated_at = ? WHERE id = ?').run(status, now, casePk)
}
