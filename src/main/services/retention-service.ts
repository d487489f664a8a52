import type { Db } from '../db/connection'
import {
  clearPendingPurges, CLOSING_KINDS_SQL, closedCasesDue, dropRevivedPurges, markArtifactPurged, markCaseFilesPurged, markDecisionApplied,
  pendingPurges, purgedReferences, setPurgeBatch,
} from '../db/queries/retention'
import type { ArtifactStore } from '../store/artifact-store'
import { DECISION_KINDS, STATUS_AFTER, type DecisionKind } from '../../shared/domain/decision'
import type { CaseStatus } from '../../shared/domain/case'
import type { RetentionRun } from '../../shared/domain/privacy'
import type { AuditService } from './audit-service'
import type { PolicyService } from './policy-service'

/** A case is closed when a decision left it approved or rejected; the other statuses still expect work. */
export const CLOSED_STATUSES: readonly CaseStatus[] = ['approved', 'rejected']
/** The decisions that close a case (approve_override, reject_final), from the status each leads to. */
export const CLOSING_DECISIONS: readonly DecisionKind[] = DECISION_KINDS.filter((k) => CLOSED_STATUSES.includes(STATUS_AFTER[k]))
// The database's partial index names the closing decisions literally: it must say the same.
if ([...CLOSING_DECISIONS].sort().join() !== [...CLOSING_KINDS_SQL].sort().join()) {
  throw new Error(`The retention index (migration 0006) lists ${CLOSING_KINDS_SQL.join(', ')} as closing decisions, the domain ${CLOSING_DECISIONS.join(', ')}: add a migration.`)
}

const DAY_MS = 86_400_000
/** The purge runs when the app starts and then once a day while it stays open. */
export const RETENTION_INTERVAL_MS = DAY_MS
export const RETENTION_AGENT = 'system:retention'
/**
 * Cases purged per transaction in the background run: 126 ms median per batch of 100 on a
 * 100,000-case desk (2 cores, with other work running), so the app keeps answering.
 */
export const RETENTION_BATCH_CASES = 100

class DryRun extends Error {}

/** A run's result, with the platform ids of the cases it purged (or would purge). */
export type RetentionOutcome = RetentionRun & { caseIds: string[] }

/**
 * Deletes the images of cases closed longer ago than the retention period: the stored files
 * (originals, previews, thumbnails, face crops) no case that is kept still uses. The database
 * rows stay, marked purged; findings, decisions and the audit log are untouched. The rows are
 * marked (one transaction) before any file is deleted, so a crash never leaves a row pointing at
 * a missing file unmarked; files marked but still on disk are deleted by the next run.
 */
export class RetentionService {
  private timer: ReturnType<typeof setInterval> | undefined
  private running: Promise<void> | undefined
  private stopped = false

  constructor(
    private readonly db: Db,
    private readonly store: ArtifactStore,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly clock: () => Date = () => new Date(),
    private readonly log: (message: string, error?: unknown) => void = () => {},
  ) {}

  /**
   * One run in one transaction: every due case, or at most `maxCases` of them (the rest wait for
   * the next call). A dry run computes the same selection inside a transaction it rolls back.
   */
  run(options: { dryRun?: boolean; maxCases?: number; record?: boolean } = {}): RetentionOutcome & { due: number } {
    const dryRun = options.dryRun ?? false
    const now = this.clock()
    const at = now.toISOString()
    const days = this.policy.value('retentionDays')
    const result: RetentionOutcome = { at, dryRun, closedBefore: null, cases: 0, attempts: 0, files: 0, bytes: 0, sharedKept: 0, caseIds: [] }
    if (days === 0) return { ...result, due: 0 }
    result.closedBefore = new Date(now.getTime() - days * DAY_MS).toISOString()

    let due = 0
    const select = () => {
      const cases = closedCasesDue(this.db, result.closedBefore!, CLOSED_STATUSES, options.maxCases ?? -1)
      due = cases.length
      const purged: number[] = []
      for (const c of cases) {
        const rows = markCaseFilesPurged(this.db, c.casePk, at)
        markDecisionApplied(this.db, c.decisionPk, at)
        if (rows === 0) continue // its images went before (an earlier closing of the same case)
        this.audit.record('retention.purged', RETENTION_AGENT, c.casePk, { status: c.status, closedAt: c.closedAt, retentionDays: days, files: rows })
        purged.push(c.casePk)
        result.attempts += c.attempts
        result.caseIds.push(c.caseId)
      }
      result.cases = purged.length
      if (purged.length > 0) {
        setPurgeBatch(this.db, purged)
        const refs = purgedReferences(this.db)
        const free = refs.filter((r) => !r.stillUsed)
        result.sharedKept = refs.length - free.length
        result.files = free.length
        result.bytes = free.reduce((n, r) => n + r.bytes, 0)
        for (const r of free) markArtifactPurged(this.db, r.sha256, at)
      }
      if (dryRun) throw new DryRun()
    }
    try {
      this.db.transaction(select).immediate()
    } catch (error) {
      if (!(error instanceof DryRun)) throw error
      return { ...result, due }
    }
    this.deletePending()
    if (options.record ?? true) this.finish(result)
    return { ...result, due }
  }

  /**
   * Every due case, a batch per transaction, yielding to the event loop between batches: the
   * first run on a desk with a year of closed cases takes long (measured: 17–40 s for 25,000
   * cases and 74,000 files on 2 cores), and the app must keep answering meanwhile.
   */
  async runInBatches(batch = RETENTION_BATCH_CASES): Promise<RetentionOutcome> {
    const total: RetentionOutcome = { at: this.clock().toISOString(), dryRun: false, closedBefore: null, cases: 0, attempts: 0, files: 0, bytes: 0, sharedKept: 0, caseIds: [] }
    for (;;) {
      const r = this.run({ maxCases: batch, record: false })
      total.closedBefore = r.closedBefore
      total.cases += r.cases
      total.attempts += r.attempts
      total.files += r.files
      total.bytes += r.bytes
      total.sharedKept += r.sharedKept
      total.caseIds.push(...r.caseIds)
      if (r.due < batch) break
      await new Promise((resolve) => setImmediate(resolve))
      if (this.stopped) break
    }
    this.finish(total)
    return total
  }

  /** Deletes the files marked for deletion (this run's, and any a run stopped midway left). */
  private deletePending(): void {
    dropRevivedPurges(this.db)
    const gone: string[] = []
    try {
      for (const sha of pendingPurges(this.db)) {
        this.store.remove(sha)
        gone.push(sha)
      }
    } finally {
      clearPendingPurges(this.db, gone)
    }
  }

  private finish(result: RetentionOutcome): void {
    if (result.closedBefore === null) return
    const { caseIds: _ids, ...run } = result
    this.policy.recordRetentionRun(run)
    if (result.cases > 0 || result.files > 0) {
      this.log(`retention: deleted ${result.files} image files (${result.bytes} bytes) of ${result.cases} cases closed before ${result.closedBefore}; ${result.sharedKept} shared files kept`)
    }
  }

  /** Runs now (in the background, in batches), then daily; a failure is logged and the next run tries again. */
  start(): void {
    const safeRun = () => {
      this.running ??= this.runInBatches()
        .catch((error: unknown) => this.log('retention run failed', error))
        .finally(() => {
          this.running = undefined
        })
        .then(() => undefined)
    }
    safeRun()
    this.timer = setInterval(safeRun, RETENTION_INTERVAL_MS)
    this.timer.unref?.()
  }

  /** Resolves when a background run in progress has finished (close waits for it). */
  async idle(): Promise<void> {
    await this.running
  }

  /** No further run starts; a background run stops after its current batch (see idle()). */
  stop(): void {
    this.stopped = true
    clearInterval(this.timer)
    this.timer = undefined
  }
}
