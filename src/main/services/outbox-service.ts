import { randomBytes } from 'node:crypto'
import type { Db } from '../db/connection'
import { ensureAppSetting, getAppSetting, putAppSetting } from '../db/queries/app-settings'
import {
  cancelOutbox, getOutboxEntry, insertOutbox, listOutbox, requeueOutbox, threadMessageIds,
} from '../db/queries/outbox'
import {
  SmtpSettingsSchema, type OutboxEntry, type OutboxPage, type OutboxQuery, type SmtpSettings, type SmtpSettingsView,
} from '../../shared/domain/outbox'
import { AppError } from '../../shared/result'
import { DeliveryLoop, type DeliveryEvent, type SenderSetup } from '../outbox/delivery-loop'
import { buildEml, replyMessageId } from '../outbox/message'
import type { RetryPolicy } from '../outbox/retry-policy'
import { SMTP_PASSWORD, type SecretStore } from '../outbox/secret-store'
import { smtpTransport, type MailTransport } from '../outbox/smtp-transport'
import type { AuditService } from './audit-service'

const SMTP_KEY = 'smtp.settings'
const INSTALL_KEY = 'outbox.installId'
/** The thread's References header keeps the first and the latest ids (RFC 5322 allows trimming). */
const MAX_REFERENCES = 10

export interface OutboxOptions {
  secrets: SecretStore
  clock?: () => Date
  policy?: RetryPolicy
  random?: () => number
  pollMs?: number
  log?: (message: string, error?: unknown) => void
  /** Tests: a transport other than nodemailer SMTP. */
  transportFactory?: (settings: SmtpSettings, password: string | null) => MailTransport
}

export interface QueueReply {
  casePk: number
  caseId: string
  decisionPk: number | null
  templateKey: string | null
  to: string
  subject: string
  body: string
  locale: string
  /** A Message-ID the platform's thread started with (from the bundle), if any. */
  bundleThreadId: string | null
}

/**
 * The outbox: replies are written here (in the decision's transaction) and a delivery loop sends
 * them through SMTP. Retry, cancel, copy as text and save as .eml are the agent's actions on a row.
 */
export class OutboxService {
  readonly loop: DeliveryLoop
  private readonly clock: () => Date
  private readonly installId: string

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly options: OutboxOptions,
  ) {
    this.clock = options.clock ?? (() => new Date())
    this.installId = ensureAppSetting(db, INSTALL_KEY, JSON.stringify(randomBytes(6).toString('hex')), this.clock().toISOString()).replaceAll('"', '')
    this.loop = new DeliveryLoop(db, {
      setup: () => this.senderSetup(),
      policy: options.policy,
      clock: this.clock,
      random: options.random,
      pollMs: options.pollMs,
      log: options.log,
      onEvent: (event) => this.recordDelivery(event),
    })
  }

  /** Starts sending (and takes back rows a previous run left in 'sending'). */
  start(): void {
    this.loop.start()
  }

  stop(): Promise<void> {
    return this.loop.stop()
  }

  /**
   * Queues a reply. Call inside the caller's transaction (with the decision): both are written or
   * neither. Threads onto the case's earlier replies (In-Reply-To the latest, References all).
   */
  queue(reply: QueueReply): OutboxEntry {
    const earlier = threadMessageIds(this.db, reply.casePk)
    const thread = [...(reply.bundleThreadId ? [reply.bundleThreadId] : []), ...earlier]
    const references = thread.length > MAX_REFERENCES ? [thread[0], ...thread.slice(-(MAX_REFERENCES - 1))] : thread
    const id = insertOutbox(this.db, {
      casePk: reply.casePk,
      decisionPk: reply.decisionPk,
      templateKey: reply.templateKey,
      inReplyTo: thread.at(-1) ?? null,
      references,
      to: reply.to,
      subject: reply.subject,
      body: reply.body,
      locale: reply.locale,
      createdAt: this.clock().toISOString(),
    }, (outboxId) => replyMessageId(outboxId, reply.caseId, this.installId))
    return this.get(id)
  }

  /** Wakes the sender after a commit (never inside the transaction: it might roll back). */
  kick(): void {
    this.loop.kick()
  }

  get(id: number): OutboxEntry {
    const entry = getOutboxEntry(this.db, id)
    if (!entry) throw new AppError('NOT_FOUND', `There is no reply ${id} in the outbox.`)
    return entry
  }

  list(query: OutboxQuery): OutboxPage {
    return { ...listOutbox(this.db, query), sender: { configured: this.smtpSettings() !== null, running: this.loop.running } }
  }

  retry(id: number, agent?: string): OutboxEntry {
    const entry = this.get(id)
    const now = this.clock().toISOString()
    const done = this.db.transaction(() => {
      if (!requeueOutbox(this.db, id, now)) return false
      this.audit.record('reply.retried', this.audit.agent(agent), entry.caseId, { outboxId: id, messageId: entry.messageId, was: entry.state })
      return true
    })()
    if (!done) throw new AppError('CONFLICT', `Reply ${id} is ${entry.state}: only a failed, cancelled or retrying reply can be retried.`)
    this.kick()
    return this.get(id)
  }

  cancel(id: number, note: string | undefined, agent?: string): OutboxEntry {
    const entry = this.get(id)
    const now = this.clock().toISOString()
    const done = this.db.transaction(() => {
      if (!cancelOutbox(this.db, id, now, note ? `Cancelled: ${note}` : null)) return false
      this.audit.record('reply.cancelled', this.audit.agent(agent), entry.caseId, { outboxId: id, messageId: entry.messageId, was: entry.state, note: note ?? null })
      return true
    })()
    if (!done) {
      throw new AppError('CONFLICT', entry.state === 'sending'
        ? `Reply ${id} is being sent right now and cannot be cancelled.`
        : `Reply ${id} is ${entry.state} and cannot be cancelled.`)
    }
    return this.get(id)
  }

  /** The reply as text, for the clipboard (help-desk teams paste it into their tool). */
  text(id: number, agent?: string): { to: string; subject: string; body: string; messageId: string } {
    const entry = this.get(id)
    this.audit.record('reply.copied', this.audit.agent(agent), entry.caseId, { outboxId: id, messageId: entry.messageId })
    return { to: entry.to, subject: entry.subject, body: entry.body, messageId: entry.messageId }
  }

  /** The reply as an .eml file's content; the caller writes it where the user chose. */
  async eml(id: number, agent?: string): Promise<{ fileName: string; content: string }> {
    const entry = this.get(id)
    const from = this.smtpSettings() ?? { fromAddress: 'kyc-desk@kyc-desk.local', fromName: '' }
    const bytes = await buildEml(entry, from)
    this.audit.record('reply.eml_exported', this.audit.agent(agent), entry.caseId, { outboxId: id, messageId: entry.messageId })
    // MailComposer output is 7-bit (headers and body are encoded), so it travels as a string intact.
    return { fileName: `reply-${entry.id}-${entry.casePlatformId.replace(/[^A-Za-z0-9.-]/g, '_')}.eml`, content: bytes.toString('latin1') }
  }

  smtpSettings(): SmtpSettings | null {
    const raw = getAppSetting(this.db, SMTP_KEY)
    if (!raw) return null
    const parsed = SmtpSettingsSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  }

  async smtpView(): Promise<SmtpSettingsView> {
    return {
      settings: this.smtpSettings(),
      passwordSet: (await this.options.secrets.get(SMTP_PASSWORD)) !== null,
      passwordStore: this.options.secrets.kind,
    }
  }

  async saveSmtp(settings: SmtpSettings, agent?: string): Promise<SmtpSettingsView> {
    const parsed = SmtpSettingsSchema.parse(settings)
    const now = this.clock().toISOString()
    this.db.transaction(() => {
      putAppSetting(this.db, SMTP_KEY, JSON.stringify(parsed), now)
      this.audit.record('settings.smtp_changed', this.audit.agent(agent), null, parsed)
    })()
    this.kick()
    return this.smtpView()
  }

  /** Write-only: the password goes to the SecretStore and is never returned. Empty = remove it. */
  async setSmtpPassword(password: string, agent?: string): Promise<SmtpSettingsView> {
    if (password) await this.options.secrets.set(SMTP_PASSWORD, password)
    else await this.options.secrets.delete(SMTP_PASSWORD)
    this.audit.record('settings.smtp_password_set', this.audit.agent(agent), null, { set: password.length > 0 })
    this.kick()
    return this.smtpView()
  }

  /** Connects and logs in without sending anything; the server's answer on failure. */
  async testSmtp(): Promise<{ ok: boolean; message: string }> {
    const setup = await this.senderSetup()
    if (!setup) return { ok: false, message: 'SMTP is not configured.' }
    try {
      await setup.transport.verify()
      return { ok: true, message: `Connected to ${setup.settings.host}:${setup.settings.port}.` }
    } catch (error) {
      const e = error as { response?: string; message?: string }
      return { ok: false, message: e.response ?? e.message ?? String(error) }
    } finally {
      setup.transport.close()
    }
  }

  private async senderSetup(): Promise<SenderSetup | null> {
    const settings = this.smtpSettings()
    if (!settings) return null
    const password = settings.user ? await this.options.secrets.get(SMTP_PASSWORD) : null
    const factory = this.options.transportFactory ?? smtpTransport
    return { settings, transport: factory(settings, password) }
  }

  private recordDelivery(event: DeliveryEvent): void {
    const system = 'system:outbox'
    if (event.type === 'recovered') {
      for (const id of event.ids) {
        const entry = getOutboxEntry(this.db, id)
        if (entry) this.audit.record('reply.retrying', system, entry.caseId, { outboxId: id, messageId: entry.messageId, answer: 'interrupted while sending' })
      }
      return
    }
    const { entry } = event
    const base = { outboxId: entry.id, messageId: entry.messageId, try: entry.tries }
    if (event.type === 'sent') this.audit.record('reply.sent', system, entry.caseId, { ...base, response: event.response })
    else if (event.type === 'retrying') this.audit.record('reply.retrying', system, entry.caseId, { ...base, code: event.code, answer: event.answer, nextAt: event.nextAt })
    else this.audit.record('reply.failed', system, entry.caseId, { ...base, code: event.code, answer: event.answer })
  }
}
