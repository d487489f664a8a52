import type { Db } from '../db/connection'
import { claimNextDue, markFailed, markRetrying, markSent, nextWakeAt, recoverInterruptedSends } from '../db/queries/outbox'
import type { OutboxEntry, SmtpSettings } from '../../shared/domain/outbox'
import { mailOptions } from './message'
import { backoffMs, classifySmtpError, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy'
import type { MailTransport } from './smtp-transport'

export interface SenderSetup {
  transport: MailTransport
  settings: SmtpSettings
}

export type DeliveryEvent =
  | { type: 'sent'; entry: OutboxEntry; response: string }
  | { type: 'retrying'; entry: OutboxEntry; answer: string; code: number | null; nextAt: string }
  | { type: 'failed'; entry: OutboxEntry; answer: string; code: number | null }
  | { type: 'recovered'; ids: number[] }

export interface DeliveryOptions {
  /** The transport for this round, or null when SMTP is not configured (replies wait, queued). */
  setup: () => Promise<SenderSetup | null>
  policy?: RetryPolicy
  clock?: () => Date
  random?: () => number
  /** Longest sleep between rounds: picks up rows queued by another process (the CLI). */
  pollMs?: number
  onEvent?: (event: DeliveryEvent) => void
  log?: (message: string, error?: unknown) => void
}

/**
 * The sender: takes due replies one at a time, sends them, and records the outcome. One reply is
 * in flight at a time (a desk sends a few hundred replies a day; serial keeps the order and the
 * server's rate limits simple).
 */
export class DeliveryLoop {
  private timer: NodeJS.Timeout | undefined
  private round: Promise<void> | undefined
  private again = false
  private configured = false
  private stopped = true
  private readonly policy: RetryPolicy
  private readonly clock: () => Date
  private readonly pollMs: number

  constructor(private readonly db: Db, private readonly options: DeliveryOptions) {
    this.policy = options.policy ?? DEFAULT_RETRY_POLICY
    this.clock = options.clock ?? (() => new Date())
    this.pollMs = options.pollMs ?? 60_000
  }

  get running(): boolean {
    return !this.stopped
  }

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.kick()
  }

  /** Runs a round now (a reply was queued or retried); coalesces with one already running. */
  kick(): void {
    if (this.stopped) return
    if (this.round) {
      this.again = true
      return
    }
    clearTimeout(this.timer)
    this.round = this.runRound()
      .then((configured) => {
        this.configured = configured
      })
      .catch((error) => this.options.log?.('Outbox round failed', error))
      .finally(() => {
        this.round = undefined
        if (this.again) {
          this.again = false
          this.kick()
        } else this.schedule()
      })
  }

  /** Stops after the reply in flight (it is recorded, never left half-done by us). */
  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    await this.round
  }

  /** One round: take back interrupted sends, then send everything due now. Exposed for tests/CLI. */
  async runRound(): Promise<boolean> {
    const now = () => this.clock().toISOString()
    const recovered = recoverInterruptedSends(this.db, now())
    if (recovered.length) this.options.onEvent?.({ type: 'recovered', ids: recovered })
    const setup = await this.options.setup()
    if (!setup) return false
    try {
      for (;;) {
        if (this.stopped && this.round) break
        const lease = new Date(this.clock().getTime() + this.policy.leaseMs).toISOString()
        const entry = claimNextDue(this.db, now(), lease)
        if (!entry) break
        await this.deliver(entry, setup)
      }
    } finally {
      setup.transport.close()
    }
    return true
  }

  private async deliver(entry: OutboxEntry, setup: SenderSetup): Promise<void> {
    const now = () => this.clock().toISOString()
    try {
      const { response } = await setup.transport.send(mailOptions(entry, setup.settings))
      if (markSent(this.db, entry.id, now(), response)) this.options.onEvent?.({ type: 'sent', entry, response })
    } catch (error) {
      const verdict = classifySmtpError(error)
      if (verdict.kind === 'retry' && entry.tries < this.policy.maxTries) {
        const nextAt = new Date(this.clock().getTime() + backoffMs(entry.tries, this.policy, this.options.random)).toISOString()
        if (markRetrying(this.db, entry.id, nextAt, verdict.answer, verdict.code, now())) {
          this.options.onEvent?.({ type: 'retrying', entry, answer: verdict.answer, code: verdict.code, nextAt })
        }
      } else {
        const answer = verdict.kind === 'retry' ? `Gave up after ${entry.tries} tries. Last answer: ${verdict.answer}` : verdict.answer
        if (markFailed(this.db, entry.id, answer, verdict.code, now())) this.options.onEvent?.({ type: 'failed', entry, answer, code: verdict.code })
      }
    }
  }

  private schedule(): void {
    if (this.stopped) return
    // Not configured: queued replies wait; look again at the poll interval (or when kicked).
    const wake = this.configured ? nextWakeAt(this.db) : null
    const untilWake = wake ? Date.parse(wake) - this.clock().getTime() : Infinity
    const delay = Math.max(10, Math.min(this.pollMs, untilWake))
    this.timer = setTimeout(() => this.kick(), delay)
    // Never keeps a CLI process alive on its own.
    this.timer.unref()
  }
}
