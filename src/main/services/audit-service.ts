import { userInfo } from 'node:os'
import type { Db } from '../db/connection'
import { appendAuditEvent, iterateAuditEvents, listAuditEvents } from '../db/queries/audit'
import { getAppSetting, putAppSetting } from '../db/queries/app-settings'
import { getCaseRecord } from '../db/queries/cases'
import { AgentSchema, AuditQuerySchema, type AuditAction, type AuditEvent, type AuditQuery } from '../../shared/domain/decision'
import { AppError } from '../../shared/result'

const AGENT_KEY = 'agent.name'

/** RFC 4180 cell: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value)
  // A cell starting with = + - @ (or tab/CR) is run as a formula by spreadsheet apps (CSV injection):
  // a leading apostrophe keeps it text. Audit details hold customer-typed names.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

export function csvLine(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',') + '\r\n'
}

export const AUDIT_CSV_COLUMNS = ['id', 'at', 'agent', 'action', 'case_id', 'case_pk', 'detail'] as const

/**
 * The audit log: every image view, decision, reply and template change, with agent and time.
 * Append-only (database triggers refuse UPDATE and DELETE on audit_events).
 */
export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The agent to record: the one given, else the name set in the app, else the OS user. */
  agent(given?: string): string {
    if (given?.trim()) return given.trim()
    const stored = getAppSetting(this.db, AGENT_KEY)
    if (stored) return JSON.parse(stored) as string
    try {
      return userInfo().username || 'agent'
    } catch {
      return 'agent'
    }
  }

  agentSetting(): { name: string } {
    return { name: this.agent() }
  }

  setAgentName(name: string): { name: string } {
    const parsed = AgentSchema.parse(name)
    putAppSetting(this.db, AGENT_KEY, JSON.stringify(parsed), this.clock().toISOString())
    return { name: parsed }
  }

  /** Appends one event (inside the caller's transaction when there is one). */
  record(action: AuditAction, agent: string, casePk: number | null, detail: object = {}): void {
    appendAuditEvent(this.db, { at: this.clock().toISOString(), agent, action, casePk, detail })
  }

  /** The renderer calls this whenever it shows a case's images. */
  recordImageView(casePk: number, files: readonly string[], agent?: string): { recorded: true } {
    if (!getCaseRecord(this.db, casePk)) throw new AppError('NOT_FOUND', `There is no case with id ${casePk}.`)
    this.record('case.images_viewed', this.agent(agent), casePk, { files })
    return { recorded: true }
  }

  list(query: AuditQuery): { events: AuditEvent[]; total: number } {
    const q = AuditQuerySchema.parse(query)
    return listAuditEvents(this.db, { casePk: q.caseId, action: q.action, from: q.from, to: q.to }, q.limit, q.offset)
  }

  /** The whole (filtered) log as CSV, UTF-8 with a BOM so spreadsheet apps read Chinese names right. */
  exportCsv(query: Omit<AuditQuery, 'limit' | 'offset'>, agent?: string): { fileName: string; csv: string; rows: number } {
    const q = AuditQuerySchema.parse(query)
    const parts = ['\uFEFF', csvLine(AUDIT_CSV_COLUMNS)]
    let rows = 0
    for (const e of iterateAuditEvents(this.db, { casePk: q.caseId, action: q.action, from: q.from, to: q.to })) {
      parts.push(csvLine([e.id, e.at, e.agent, e.action, e.casePlatformId, e.caseId, e.detail]))
      rows++
    }
    this.record('audit.exported', this.agent(agent), q.caseId ?? null, { rows, filter: { action: q.action, from: q.from, to: q.to } })
    const stamp = this.clock().toISOString().slice(0, 19).replace(/[:T]/g, '-')
    return { fileName: `kyc-desk-audit-${stamp}.csv`, csv: parts.join(''), rows }
  }
}
