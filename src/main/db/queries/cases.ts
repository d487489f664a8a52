import type { Db } from '../connection'
import type { Cause } from '../../../shared/domain/causes'
import type { CaseRow, CaseStatus, QueueQuery } from '../../../shared/domain/case'
import { QUEUE_COUNTRY_COUNTS, QueueQuerySchema } from '../../../shared/domain/case'

type ParsedQuery = ReturnType<typeof QueueQuerySchema.parse>
/** A queue query with `assignee: 'me'` resolved to the agent's name by the caller. */
export interface ResolvedQuery extends Omit<ParsedQuery, 'assignee'> {
  assignee?: { name: string } | 'unassigned'
}

export function resolveQueueQuery(query: QueueQuery, me: () => string): ResolvedQuery {
  const q = QueueQuerySchema.parse(query)
  return { ...q, assignee: q.assignee === 'me' ? { name: me() } : q.assignee }
}

export interface CaseRecord {
  id: number
  case_id: string
  account_id: string
  email: string
  customer_name: string
  native_name: string | null
  country: string
  document_type: string
  document_number: string
  locale: string
  status: string
  latest_attempt: number
  attempt_count: number
  submitted_at: string
  primary_cause: string | null
  causes: string
  analysis_state: string
  assignee: string | null
}

const ROW_COLUMNS = `c.id, c.case_id, c.email, c.customer_name, c.country, c.document_type, c.locale, c.status,
  c.latest_attempt, c.attempt_count, c.submitted_at, c.primary_cause, c.causes, c.analysis_state, c.assignee`

export function toCaseRow(r: CaseRecord): CaseRow {
  return {
    id: r.id,
    caseId: r.case_id,
    attempt: r.latest_attempt,
    attemptCount: r.attempt_count,
    customerName: r.customer_name,
    email: r.email,
    country: r.country,
    documentType: r.document_type as CaseRow['documentType'],
    locale: r.locale,
    status: r.status as CaseStatus,
    primaryCause: r.primary_cause as Cause | null,
    causes: r.causes ? (r.causes.split(' ') as Cause[]) : [],
    submittedAt: r.submitted_at,
    assignee: r.assignee,
    analysisState: r.analysis_state as CaseRow['analysisState'],
  }
}

/** Builds the WHERE clause shared by the page, the total and the counts. */
function queueFilter(q: ResolvedQuery, now: Date, skip: 'status' | 'cause' | 'country' | null = null) {
  const where: string[] = []
  const params: unknown[] = []
  if (q.statuses && q.statuses.length > 0 && skip !== 'status') {
    where.push(`c.status IN (${q.statuses.map(() => '?').join(',')})`)
    params.push(...q.statuses)
  }
  if (q.causes && q.causes.length > 0 && skip !== 'cause') {
    where.push(`c.id IN (SELECT cc.case_pk FROM case_causes cc WHERE cc.cause IN (${q.causes.map(() => '?').join(',')}))`)
    params.push(...q.causes)
  }
  if (q.assignee === 'unassigned') where.push('c.assignee IS NULL')
  else if (q.assignee) {
    where.push('c.assignee = ?')
    params.push(q.assignee.name)
  }
  if (q.country && skip !== 'country') {
    where.push('c.country = ?')
    params.push(q.country)
  }
  if (q.minAttempt) {
    where.push('c.latest_attempt >= ?')
    params.push(q.minAttempt)
  }
  if (q.olderThanHours !== undefined) {
    where.push('c.submitted_at <= ?')
    params.push(new Date(now.getTime() - q.olderThanHours * 3_600_000).toISOString())
  }
  const search = q.search?.trim()
  if (search) {
    if ([...search].length >= 3) {
      // Trigram FTS: any substring of three or more characters, in any script.
      where.push('c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)')
      params.push(`"${search.replaceAll('"', '""')}"`)
    } else {
      // Trigrams cannot match shorter strings (two-character Chinese names are common).
      where.push(`(c.customer_name LIKE ? ESCAPE '\\' OR c.native_name LIKE ? ESCAPE '\\' OR c.case_id LIKE ? ESCAPE '\\')`)
      const like = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
      params.push(like, like, like)
    }
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params }
}

/**
 * Where totals and counts read from: with filters beyond status, the planner picks the status
 * index and looks every row up in the table (country counts: 193 ms for 70,000 open cases);
 * the queue-order index holds every such column, so reading it alone takes 23 ms.
 */
function countSource(q: ResolvedQuery, groupByCountry = false): string {
  // A search narrows to a few rows through the full-text index: never force a full index scan then.
  if (q.search?.trim()) return 'cases c'
  const beyondStatus = groupByCountry || q.country || q.minAttempt || q.olderThanHours !== undefined || q.assignee
  return beyondStatus ? 'cases c INDEXED BY cases_queue_order' : 'cases c'
}

const ORDER = {
  oldest: 'c.submitted_at ASC',
  newest: 'c.submitted_at DESC',
  attempt: 'c.latest_attempt DESC, c.submitted_at ASC',
} as const

/**
 * One page of the queue. Sorting by age walks the submitted_at index in order and checks the
 * filters row by row, stopping after `limit` matches: with several statuses selected SQLite
 * would otherwise collect and sort every matching row first (measured: 64 ms vs 2 ms for the
 * first page of 100,000 cases, see docs/architecture.md). The total is counted for the first
 * page only; later pages of the same query return null and the renderer keeps the first total.
 */
export function listQueue(db: Db, q: ResolvedQuery, now = new Date()): { rows: CaseRow[]; total: number | null } {
  const { sql, params } = queueFilter(q, now)
  // One agent's cases are few: read them through their own index, already in age order.
  const index = typeof q.assignee === 'object' ? 'cases_assignee_submitted' : 'cases_queue_order'
  const from = q.sort === 'attempt' ? 'cases c' : `cases c INDEXED BY ${index}`
  const rows = db
    .prepare(`SELECT ${ROW_COLUMNS} FROM ${from} ${sql} ORDER BY ${ORDER[q.sort]} LIMIT ? OFFSET ?`)
    .all(...params, q.limit, q.offset) as CaseRecord[]
  const total = q.offset === 0 ? (db.prepare(`SELECT COUNT(*) AS n FROM ${countSource(q)} ${sql}`).get(...params) as { n: number }).n : null
  return { rows: rows.map(toCaseRow), total }
}

/**
 * Counts per status, per cause and per country, each ignoring its own filter (so the side panel
 * shows what choosing another value would give).
 */
export function queueCounts(db: Db, q: ResolvedQuery, now = new Date()) {
  const byStatus = queueFilter(q, now, 'status')
  const statusRows = db
    .prepare(`SELECT c.status AS k, COUNT(*) AS n FROM ${countSource({ ...q, statuses: undefined })} ${byStatus.sql} GROUP BY c.status`)
    .all(...byStatus.params) as { k: string; n: number }[]
  const byCause = queueFilter(q, now, 'cause')
  const causeRows = db
    .prepare(
      `SELECT cc.cause AS k, COUNT(*) AS n FROM case_causes cc JOIN cases c ON c.id = cc.case_pk ${byCause.sql} GROUP BY cc.cause`,
    )
    .all(...byCause.params) as { k: string; n: number }[]
  const byCountry = queueFilter(q, now, 'country')
  const countryRows = db
    .prepare(`SELECT c.country AS country, COUNT(*) AS n FROM ${countSource(q, true)} ${byCountry.sql} GROUP BY c.country ORDER BY n DESC, c.country LIMIT ?`)
    .all(...byCountry.params, QUEUE_COUNTRY_COUNTS) as { country: string; n: number }[]
  return {
    countsByStatus: Object.fromEntries(statusRows.map((r) => [r.k, r.n])),
    countsByCause: Object.fromEntries(causeRows.map((r) => [r.k, r.n])),
    countsByCountry: countryRows,
  }
}

/** Sets who works on a case (null: nobody). Returns false when there is no such case. */
export function setCaseAssignee(db: Db, id: number, assignee: string | null, now: string): boolean {
  return db.prepare('UPDATE cases SET assignee = ?, updated_at = ? WHERE id = ?').run(assignee, now, id).changes > 0
}

/** Assigns a case to `agent` only if nobody has it (a decision makes its author the owner). */
export function claimCaseIfUnassigned(db: Db, id: number, agent: string, now: string): void {
  db.prepare('UPDATE cases SET assignee = ?, updated_at = ? WHERE id = ? AND assignee IS NULL').run(agent, now, id)
}

export function getCaseRecord(db: Db, id: number): CaseRecord | undefined {
  return db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as CaseRecord | undefined
}

/** The account's other cases, newest first (index cases_account). */
export function listAccountCases(db: Db, accountId: string, exceptId: number, limit: number): CaseRow[] {
  const rows = db
    .prepare(`SELECT ${ROW_COLUMNS} FROM cases c WHERE c.account_id = ? AND c.id != ? ORDER BY c.submitted_at DESC LIMIT ?`)
    .all(accountId, exceptId, limit) as CaseRecord[]
  return rows.map(toCaseRow)
}

export function findCaseByCaseId(db: Db, caseId: string): CaseRecord | undefined {
  return db.prepare('SELECT * FROM cases WHERE case_id = ?').get(caseId) as CaseRecord | undefined
}

export function countCases(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n
}

export interface CaseFields {
  caseId: string
  accountId: string
  email: string
  customerName: string
  nativeName: string | null
  country: string
  documentType: string
  documentNumber: string
  locale: string
  status: CaseStatus
  latestAttempt: number
  submittedAt: string
}

export function insertCase(db: Db, f: CaseFields, now: string): number {
  const info = db
    .prepare(
      `INSERT INTO cases (case_id, account_id, email, customer_name, native_name, country, document_type, document_number,
        locale, status, latest_attempt, attempt_count, submitted_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    )
    .run(f.caseId, f.accountId, f.email, f.customerName, f.nativeName, f.country, f.documentType, f.documentNumber,
      f.locale, f.status, f.latestAttempt, f.submittedAt, now)
  return Number(info.lastInsertRowid)
}

/** A newer attempt becomes the case's face in the queue; the case re-opens. */
export function updateCaseForNewAttempt(db: Db, id: number, f: CaseFields, now: string): void {
  db.prepare(
    `UPDATE cases SET account_id = ?, email = ?, customer_name = ?, native_name = ?, country = ?, document_type = ?,
      document_number = ?, locale = ?, status = ?, latest_attempt = ?, submitted_at = ?, primary_cause = NULL, causes = '',
      analysis_state = 'not_analysed', attempt_count = (SELECT COUNT(*) FROM attempts WHERE case_pk = ?), updated_at = ?
     WHERE id = ?`,
  ).run(f.accountId, f.email, f.customerName, f.nativeName, f.country, f.documentType, f.documentNumber, f.locale,
    f.status, f.latestAttempt, f.submittedAt, id, now, id)
  db.prepare('DELETE FROM case_causes WHERE case_pk = ?').run(id)
}

export function refreshAttemptCount(db: Db, id: number): void {
  db.prepare('UPDATE cases SET attempt_count = (SELECT COUNT(*) FROM attempts WHERE case_pk = ?) WHERE id = ?').run(id, id)
}

/** Sets the causes shown in the queue (those of the latest attempt). */
export function setCaseCauses(db: Db, id: number, primary: Cause | null, causes: readonly Cause[], analysisState: string, now: string): void {
  db.prepare('UPDATE cases SET primary_cause = ?, causes = ?, analysis_state = ?, updated_at = ? WHERE id = ?').run(
    primary, causes.join(' '), analysisState, now, id)
  db.prepare('DELETE FROM case_causes WHERE case_pk = ?').run(id)
  const insert = db.prepare('INSERT INTO case_causes (cause, case_pk) VALUES (?, ?)')
  for (const cause of new Set(causes)) insert.run(cause, id)
}

export function setCaseAnalysisState(db: Db, id: number, state: string): void {
  db.prepare('UPDATE cases SET analysis_state = ? WHERE id = ?').run(state, id)
}
