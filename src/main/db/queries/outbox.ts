import { randomUUID } from 'node:crypto'
import type { Db } from '../connection'
import { OutboxQuerySchema, type OutboxEntry, type OutboxQuery, type OutboxState } from '../../../shared/domain/outbox'

interface OutboxRecord {
  id: number
  case_pk: number
  case_id: string
  decision_pk: number | null
  template_key: string | null
  message_id: string
  in_reply_to: string | null
  references_ids: string
  to_address: string
  subject: string
  body_text: string
  locale: string
  state: OutboxState
  tries: number
  next_attempt_at: string | null
  last_error: string | null
  last_code: number | null
  created_at: string
  sent_at: string | null
}

const SELECT = 'SELECT o.*, c.case_id FROM outbox o JOIN cases c ON c.id = o.case_pk'

function toEntry(r: OutboxRecord): OutboxEntry {
  return {
    id: r.id,
    caseId: r.case_pk,
    casePlatformId: r.case_id,
    decisionId: r.decision_pk,
    templateKey: r.template_key,
    messageId: r.message_id,
    inReplyTo: r.in_reply_to,
    references: JSON.parse(r.references_ids),
    to: r.to_address,
    subject: r.subject,
    body: r.body_text,
    locale: r.locale,
    state: r.state,
    tries: r.tries,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    lastCode: r.last_code,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }
}

export interface NewOutboxRow {
  casePk: number
  decisionPk: number | null
  templateKey: string | null
  inReplyTo: string | null
  references: readonly string[]
  to: string
  subject: string
  body: string
  locale: string
  createdAt: string
}

/**
 * Queues a reply (call inside the decision's transaction). The Message-ID needs the row's id, so
 * the row is inserted with a placeholder and given its real id in the same transaction.
 */
export function insertOutbox(db: Db, row: NewOutboxRow, messageIdFor: (id: number) => string): number {
  const info = db
    .prepare(
      `INSERT INTO outbox (case_pk, decision_pk, template_key, message_id, in_reply_to, references_ids, to_address, subject,
        body_text, locale, state, tries, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)`,
    )
    .run(row.casePk, row.decisionPk, row.templateKey, `pending:${randomUUID()}`, row.inReplyTo, JSON.stringify(row.references),
      row.to, row.subject, row.body, row.locale, row.createdAt, row.createdAt, row.createdAt)
  const id = Number(info.lastInsertRowid)
  db.prepare('UPDATE outbox SET message_id = ? WHERE id = ?').run(messageIdFor(id), id)
  return id
}

export function getOutboxEntry(db: Db, id: number): OutboxEntry | undefined {
  const r = db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as OutboxRecord | undefined
  return r ? toEntry(r) : undefined
}

export function listOutbox(db: Db, query: OutboxQuery): { entries: OutboxEntry[]; total: number; countsByState: Record<string, number> } {
  const q = OutboxQuerySchema.parse(query)
  const where: string[] = []
  const params: unknown[] = []
  if (q.states?.length) {
    where.push(`o.state IN (${q.states.map(() => '?').join(',')})`)
    params.push(...q.states)
  }
  if (q.caseId) {
    where.push('o.case_pk = ?')
    params.push(q.caseId)
  }
  const sql = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const rows = db.prepare(`${SELECT} ${sql} ORDER BY o.id DESC LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as OutboxRecord[]
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM outbox o ${sql}`).get(...params) as { n: number }).n
  const caseOnly = q.caseId ? 'WHERE o.case_pk = ?' : ''
  const counts = db
    .prepare(`SELECT o.state AS k, COUNT(*) AS n FROM outbox o ${caseOnly} GROUP BY o.state`)
    .all(...(q.caseId ? [q.caseId] : [])) as { k: string; n: number }[]
  return { entries: rows.map(toEntry), total, countsByState: Object.fromEntries(counts.map((c) => [c.k, c.n])) }
}

/** Message-IDs of the case's earlier replies that were or will be sent, oldest first (the thread). */
export function threadMessageIds(db: Db, casePk: number): string[] {
  return (
    db.prepare("SELECT message_id FROM outbox WHERE case_pk = ? AND state NOT IN ('cancelled', 'failed') ORDER BY id").all(casePk) as { message_id: string }[]
  ).map((r) => r.message_id)
}

/**
 * Takes the next due reply for sending: queued or retrying, due now, oldest first. The claim is one
 * IMMEDIATE transaction, so two senders (the app and a CLI) never take the same row. While sending,
 * next_attempt_at holds the lease: a row still in 'sending' after it is a sender that died.
 */
export function claimNextDue(db: Db, now: string, leaseUntil: string): OutboxEntry | undefined {
  return db.transaction(() => {
    const due = db
      .prepare(
        `SELECT id FROM outbox WHERE state IN ('queued', 'retrying') AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
         ORDER BY next_attempt_at, id LIMIT 1`,
      )
      .get(now) as { id: number } | undefined
    if (!due) return undefined
    db.prepare("UPDATE outbox SET state = 'sending', tries = tries + 1, next_attempt_at = ?, updated_at = ? WHERE id = ?").run(leaseUntil, now, due.id)
    return getOutboxEntry(db, due.id)
  }).immediate()
}

/** Only a row this sender holds (state sending) changes: a cancel or a recovery in between wins. */
export function markSent(db: Db, id: number, now: string, response: string): boolean {
  return db
    .prepare("UPDATE outbox SET state = 'sent', sent_at = ?, next_attempt_at = NULL, last_error = NULL, last_code = ?, updated_at = ? WHERE id = ? AND state = 'sending'")
    .run(now, Number.parseInt(response, 10) || null, now, id).changes === 1
}

export function markRetrying(db: Db, id: number, nextAt: string, error: string, code: number | null, now: string): boolean {
  return db
    .prepare("UPDATE outbox SET state = 'retrying', next_attempt_at = ?, last_error = ?, last_code = ?, updated_at = ? WHERE id = ? AND state = 'sending'")
    .run(nextAt, error, code, now, id).changes === 1
}

export function markFailed(db: Db, id: number, error: string, code: number | null, now: string): boolean {
  return db
    .prepare("UPDATE outbox SET state = 'failed', next_attempt_at = NULL, last_error = ?, last_code = ?, updated_at = ? WHERE id = ? AND state = 'sending'")
    .run(error, code, now, id).changes === 1
}

/** Retry by hand: back to the queue, due now, with a fresh backoff. */
export function requeueOutbox(db: Db, id: number, now: string): boolean {
  return db
    .prepare("UPDATE outbox SET state = 'queued', tries = 0, next_attempt_at = ?, updated_at = ? WHERE id = ? AND state IN ('failed', 'cancelled', 'retrying')")
    .run(now, now, id).changes === 1
}

export function cancelOutbox(db: Db, id: number, now: string, note: string | null): boolean {
  return db
    .prepare("UPDATE outbox SET state = 'cancelled', next_attempt_at = NULL, last_error = COALESCE(?, last_error), updated_at = ? WHERE id = ? AND state IN ('queued', 'retrying', 'failed')")
    .run(note, now, id).changes === 1
}

/** Rows whose sender died mid-send (lease expired) go back to retrying, due now. */
export function recoverInterruptedSends(db: Db, now: string): number[] {
  return db.transaction(() => {
    const ids = (db.prepare("SELECT id FROM outbox WHERE state = 'sending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)").all(now) as { id: number }[]).map((r) => r.id)
    const update = db.prepare(
      "UPDATE outbox SET state = 'retrying', next_attempt_at = ?, last_error = 'Interrupted while sending (the app stopped); sending again with the same Message-ID.', updated_at = ? WHERE id = ?",
    )
    for (const id of ids) update.run(now, now, id)
    return ids
  }).immediate()
}

/** When the next reply is due (a retry's time or a lease's end), for the sender's timer. */
export function nextWakeAt(db: Db): string | null {
  return (db.prepare("SELECT MIN(next_attempt_at) AS t FROM outbox WHERE state IN ('queued', 'retrying', 'sending')").get() as { t: string | null }).t
}
