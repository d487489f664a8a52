import type { Db } from '../db/connection'
import { ensureAppSetting, getAppSetting } from '../db/queries/app-settings'
import {
  deleteTemplate, listTemplateRecords, replaceTemplate, templateExists, templateRecords, templateUsage, type TemplateRecord,
} from '../db/queries/templates'
import {
  TemplateDraftSchema, type LintIssue, type ReplyPreview, type ReplyRequest, type Template, type TemplateDraft,
  type TemplatePurpose, type TemplateVariant,
} from '../../shared/domain/reply'
import type { RemedyId } from '../../shared/domain/remedy'
import { AppError } from '../../shared/result'
import { checkDisclosure } from '../replies/disclosure-guard'
import { replyLiquid, tidyText } from '../replies/liquid-engine'
import { pickLocale } from '../replies/locale'
import { replyVariables } from '../replies/reply-variables'
import { hasErrors, lintTemplate } from '../replies/template-lint'
import { loadBundledTemplates, type BundledTemplate } from '../replies/template-resources'
import type { AuditService } from './audit-service'
import type { CaseReplyContext, RemediesService } from './remedies-service'

const SEEDED_KEY = 'templates.seeded'
const DEFAULT_DEADLINE_DAYS = 14

/** A reply composed for one case: what the preview shows and what the outbox would queue. */
export interface ComposedReply {
  preview: ReplyPreview
  templateKey: string
  purpose: TemplatePurpose
  context: CaseReplyContext
}

/** Purposes a restricted case (fraud/security signal, vendor FINAL) may still receive. */
const RESTRICTED_PURPOSES: readonly TemplatePurpose[] = ['escalation_holding_reply', 'wait_for_review', 'reject_final', 'approve']

export class TemplatesService {
  constructor(
    private readonly db: Db,
    private readonly remedies: RemediesService,
    private readonly audit: AuditService,
    private readonly clock: () => Date = () => new Date(),
    private readonly bundled: () => BundledTemplate[] = () => loadBundledTemplates(),
  ) {}

  /**
   * First use of a database: the bundled templates are copied in, once. A flag (not "the table is
   * empty") decides, so templates the team deleted on purpose do not come back.
   */
  ensureSeeded(): void {
    if (getAppSetting(this.db, SEEDED_KEY) !== undefined) return
    const now = this.clock().toISOString()
    this.db.transaction(() => {
      const templates = this.bundled()
      for (const t of templates) if (!templateExists(this.db, t.key)) replaceTemplate(this.db, t, now)
      ensureAppSetting(this.db, SEEDED_KEY, JSON.stringify(now), now)
      this.audit.record('templates.seeded', 'system', null, { keys: templates.map((t) => t.key) })
    })()
  }

  list(): { templates: Template[] } {
    this.ensureSeeded()
    const usage = templateUsage(this.db)
    const byKey = new Map<string, TemplateRecord[]>()
    for (const r of listTemplateRecords(this.db)) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r])
    return { templates: [...byKey.values()].map((rows) => toTemplate(rows, usage.get(rows[0].key) ?? 0)) }
  }

  get(key: string): Template {
    this.ensureSeeded()
    const rows = templateRecords(this.db, key)
    if (rows.length === 0) throw new AppError('NOT_FOUND', `There is no template "${key}".`)
    return toTemplate(rows, templateUsage(this.db).get(key) ?? 0)
  }

  lint(purpose: TemplatePurpose, variants: readonly TemplateVariant[]): { issues: LintIssue[] } {
    return { issues: lintTemplate(purpose, variants) }
  }

  /** Create (the key must be new) or update (it must exist). Refused while lint finds errors. */
  save(mode: 'create' | 'update', input: TemplateDraft, agent?: string): Template {
    this.ensureSeeded()
    const draft = TemplateDraftSchema.parse(input)
    const issues = lintTemplate(draft.purpose, draft.variants)
    if (hasErrors(issues)) {
      const first = issues.filter((i) => i.severity === 'error').slice(0, 3).map((i) => `${i.locale ?? ''} ${i.part ?? ''}: ${i.message}`.trim())
      throw new AppError('BAD_INPUT', `The template has errors: ${first.join('; ')}`)
    }
    const exists = templateExists(this.db, draft.key)
    if (mode === 'create' && exists) throw new AppError('CONFLICT', `A template "${draft.key}" already exists.`)
    if (mode === 'update' && !exists) throw new AppError('NOT_FOUND', `There is no template "${draft.key}".`)
    const now = this.clock().toISOString()
    this.db.transaction(() => {
      replaceTemplate(this.db, draft, now)
      this.audit.record(mode === 'create' ? 'template.created' : 'template.updated', this.audit.agent(agent), null, draft)
    })()
    return this.get(draft.key)
  }

  duplicate(key: string, newKey: string | undefined, agent?: string): Template {
    const source = this.get(key)
    let target = newKey
    if (!target) {
      for (let n = 1; !target || templateExists(this.db, target); n++) target = `${key.slice(0, 56)}_copy${n === 1 ? '' : n}`
    } else if (templateExists(this.db, target)) {
      throw new AppError('CONFLICT', `A template "${target}" already exists.`)
    }
    const now = this.clock().toISOString()
    const variants = source.variants.map(({ locale, subject, body }) => ({ locale, subject, body }))
    this.db.transaction(() => {
      replaceTemplate(this.db, { key: target, purpose: source.purpose, description: source.description, variants }, now)
      this.audit.record('template.duplicated', this.audit.agent(agent), null, { from: key, key: target })
    })()
    return this.get(target)
  }

  delete(key: string, agent?: string): { deleted: true } {
    const before = this.get(key)
    this.db.transaction(() => {
      deleteTemplate(this.db, key)
      // The full text goes into the log: a deleted template can be recreated from it.
      this.audit.record('template.deleted', this.audit.agent(agent), null, {
        key, purpose: before.purpose, description: before.description,
        variants: before.variants.map(({ locale, subject, body }) => ({ locale, subject, body })),
      })
    })()
    return { deleted: true }
  }

  /**
   * Renders a reply for a case: the stored template (or a draft being edited, for live preview),
   * in the case's language or the one asked for (falling back to en), with the remedies in order,
   * then the agent's edited text if given, then the disclosure guard.
   */
  compose(casePk: number, request: ReplyRequest & { draft?: TemplateDraft; agent?: string }): ComposedReply {
    const context = this.remedies.context(casePk)
    const template = request.draft ? TemplateDraftSchema.parse(request.draft) : this.get(request.templateKey)
    const wanted = request.locale ?? context.record.locale
    const { locale, fallbackFrom } = pickLocale(template.variants.map((v) => v.locale), wanted)
    const variant = template.variants.find((v) => v.locale === locale)!
    const issues: LintIssue[] = []

    const defaults = template.purpose === 'request_resubmission' || template.purpose === 'wait_for_review' ? context.remedies.customer : []
    const asked: RemedyId[] = [...new Set(request.remedies ?? defaults)]
    const remedies = asked.filter((id) => !this.remedies.index.get(id)?.internalOnly)
    for (const id of asked.filter((id) => !remedies.includes(id))) {
      issues.push({ severity: 'warning', code: 'RENDER', locale, part: 'body', line: null, message: `${id} is internal-only and was left out of the reply.` })
    }
    const vars = replyVariables({
      customerName: customerName(context, locale),
      caseId: context.record.case_id,
      attempt: context.record.latest_attempt,
      remedies,
      fields: context.remedies.fields,
      deadline: new Date(this.clock().getTime() + (request.deadlineDays ?? DEFAULT_DEADLINE_DAYS) * 86_400_000),
      agentName: this.audit.agent(request.agent),
    }, locale, this.remedies.index)
    if (template.purpose === 'request_resubmission' && vars.remedies.length === 0) {
      issues.push({ severity: 'error', code: 'EMPTY_REMEDIES', locale, part: 'body', line: null, message: 'A resubmission reply needs at least one remedy the customer can follow.' })
    }

    const render = (part: 'subject' | 'body'): string => {
      try {
        return replyLiquid().parseAndRenderSync(variant[part], vars) as string
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error))
        issues.push({ severity: 'error', code: /undefined variable/.test(message) ? 'UNKNOWN_VARIABLE' : /undefined filter/.test(message) ? 'UNKNOWN_FILTER' : 'SYNTAX', locale, part, line: null, message })
        return ''
      }
    }
    const subject = (request.subject ?? render('subject')).replace(/\s+/g, ' ').trim()
    const body = tidyText(request.body ?? render('body'))

    const guard = checkDisclosure(subject, body, {
      restricted: context.remedies.restriction.restricted,
      catalogue: this.remedies.catalogue,
      vendorLabels: context.vendor?.labels,
      vendorComment: context.vendor?.comment,
    })
    const restriction = context.remedies.restriction
    let blocked: ReplyPreview['blocked'] = null
    if (restriction.restricted && !RESTRICTED_PURPOSES.includes(template.purpose)) {
      blocked = {
        en: `This case has signals the customer must not learn about (${restriction.reasons.map((r) => r.code).join(', ')}): escalate it and send the holding reply instead.`,
        'zh-CN': `此案件存在不能让客户知道的信号（${restriction.reasons.map((r) => r.code).join('、')}）：请升级处理并发送等待回复。`,
      }
    } else if (!guard.ok) {
      blocked = guard.reason
    } else if (hasErrors(issues)) {
      const first = issues.find((i) => i.severity === 'error')!
      blocked = { en: `The reply cannot be rendered: ${first.message}`, 'zh-CN': `回复无法生成：${first.message}` }
    }
    return {
      templateKey: request.templateKey,
      purpose: template.purpose,
      context,
      preview: {
        subject, body, locale, fallbackFrom, to: context.record.email, remedies: vars.remedies.map((r) => r.id as RemedyId),
        guard, issues, restriction, sendable: blocked === null, blocked,
      },
    }
  }
}

/** Chinese replies greet with the native-script name when the customer gave one. */
function customerName(context: CaseReplyContext, locale: string): string {
  const native = context.record.native_name?.trim()
  if (native && locale.toLowerCase().startsWith('zh')) return native
  return context.record.customer_name
}

function toTemplate(rows: TemplateRecord[], usage: number): Template {
  const variants = rows.map((r) => ({ locale: r.locale, subject: r.subject, body: r.body, updatedAt: r.updated_at }))
  return {
    key: rows[0].key,
    purpose: rows[0].purpose,
    description: rows[0].description,
    variants,
    usage,
    issues: lintTemplate(rows[0].purpose, variants),
  }
}
