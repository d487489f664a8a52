import type { Db } from '../db/connection'
import type { Handlers } from './dispatch'
import { AuditService } from './audit-service'
import { DecisionsService } from './decisions-service'
import { OutboxService, type OutboxOptions } from './outbox-service'
import { RemediesService } from './remedies-service'
import { TemplatesService } from './templates-service'
import { remedyCatalogue } from '../replies/remedy-catalogue'
import { EnvSecretStore, type SecretStore } from '../outbox/secret-store'
import type { REPLY_CHANNELS } from '../../shared/contract-replies'

export interface ReplyServices {
  audit: AuditService
  remedies: RemediesService
  templates: TemplatesService
  outbox: OutboxService
  decisions: DecisionsService
}

export interface ReplyServiceOptions extends Partial<Omit<OutboxOptions, 'secrets'>> {
  /** Where the SMTP password is kept (Electron: safeStorage); default: environment + memory. */
  secrets?: SecretStore
  /** Start the delivery loop now (default true). The CLI's one-shot commands may pass false. */
  startSender?: boolean
}

/** Builds the issue-8 services over one database and starts the sender. */
export function openReplyServices(db: Db, options: ReplyServiceOptions = {}): ReplyServices {
  const clock = options.clock ?? (() => new Date())
  const audit = new AuditService(db, clock)
  const remedies = new RemediesService(db, remedyCatalogue())
  const templates = new TemplatesService(db, remedies, audit, clock)
  const outbox = new OutboxService(db, audit, { ...options, clock, secrets: options.secrets ?? new EnvSecretStore() })
  const decisions = new DecisionsService(db, remedies, templates, outbox, audit, clock)
  if (options.startSender ?? true) outbox.start()
  return { audit, remedies, templates, outbox, decisions }
}

type ReplyHandlers = Pick<Handlers, (typeof REPLY_CHANNELS)[number]>

/** The contract handlers of contract-replies.ts. */
export function replyHandlers(s: ReplyServices): ReplyHandlers {
  return {
    'remedies:list': () => s.remedies.list(),
    'remedies:for-case': (i) => s.remedies.forCase(i.caseId),
    'templates:list': () => s.templates.list(),
    'templates:save': (i) => s.templates.save(i.mode, i.template, i.agent),
    'templates:duplicate': (i) => s.templates.duplicate(i.key, i.newKey, i.agent),
    'templates:delete': (i) => s.templates.delete(i.key, i.agent),
    'templates:lint': (i) => s.templates.lint(i.purpose, i.variants),
    'templates:preview': (i) => s.templates.compose(i.caseId, { ...i, templateKey: i.draft?.key ?? i.templateKey }).preview,
    'decisions:record': (i) => s.decisions.record(i),
    'decisions:list': (i) => s.decisions.list(i.caseId),
    'replies:queue': (i) => s.decisions.queueReply(i.caseId, i.reply, i.agent),
    'outbox:list': (i) => s.outbox.list(i),
    'outbox:retry': (i) => s.outbox.retry(i.id, i.agent),
    'outbox:cancel': (i) => s.outbox.cancel(i.id, i.note, i.agent),
    'outbox:text': (i) => s.outbox.text(i.id, i.agent),
    'outbox:eml': (i) => s.outbox.eml(i.id, i.agent),
    'audit:record-view': (i) => s.audit.recordImageView(i.caseId, i.files, i.agent),
    'audit:list': (i) => s.audit.list(i),
    'audit:export-csv': ({ agent, ...query }) => s.audit.exportCsv(query, agent),
    'settings:smtp': () => s.outbox.smtpView(),
    'settings:smtp-save': (i) => s.outbox.saveSmtp(i.settings, i.agent),
    'settings:smtp-password': (i) => s.outbox.setSmtpPassword(i.password, i.agent),
    'settings:smtp-test': () => s.outbox.testSmtp(),
    'settings:agent': () => s.audit.agentSetting(),
    'settings:agent-save': (i) => s.audit.setAgentName(i.name),
  }
}
