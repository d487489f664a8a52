import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { CaseRemedies, Remedy, RemedyId } from '../../src/shared/domain/remedy'
import type { ReplyPreview, Template } from '../../src/shared/domain/reply'

const call = vi.fn()
vi.mock('../../src/renderer/src/api', () => ({ call: (...args: unknown[]) => call(...args), artifactUrl: (s: string) => `/artifact/${s}` }))

const { useComposerStore, moveItem, allowedKinds, PREVIEW_DEBOUNCE_MS } = await import('../../src/renderer/src/stores/composer')
const { useQueueStore } = await import('../../src/renderer/src/stores/queue')

const remedy = (id: RemedyId, internalOnly = false): Remedy => ({
  id, fixes: [{ cause: 'DOCUMENT_QUALITY' }], customerCanRetry: !internalOnly, internalOnly,
  agentText: { en: `agent ${id}`, 'zh-CN': `客服 ${id}` }, customerText: internalOnly ? null : { en: `do ${id}`, 'zh-CN': `请 ${id}` },
})
const template = (key: string, purpose: Template['purpose']): Template => ({
  key, purpose, description: '', usage: 0, issues: [], variants: [{ locale: 'en', subject: 's', body: 'b', updatedAt: '2026-01-01T00:00:00Z' }],
})
const TEMPLATES = [
  template('request_resubmission', 'request_resubmission'), template('approve', 'approve'), template('reject_final', 'reject_final'),
  template('escalation_holding_reply', 'escalation_holding_reply'), template('wait_for_review', 'wait_for_review'),
]
const CATALOGUE = [remedy('USE_VALID_DOCUMENT'), remedy('RETAKE_SELFIE'), remedy('SELFIE_IN_DAYLIGHT'), remedy('ESCALATE_TO_COMPLIANCE', true)]

function forCase(restricted: boolean): CaseRemedies {
  return {
    customer: restricted ? [] : ['USE_VALID_DOCUMENT', 'RETAKE_SELFIE'],
    internal: restricted ? ['ESCALATE_TO_COMPLIANCE'] : [],
    restriction: { restricted, reasons: restricted ? [{ code: 'VENDOR_FINAL', message: { en: 'The vendor rejected it as final.', 'zh-CN': '供应商最终拒绝。' } }] : [] },
    fields: [],
    causes: ['DOCUMENT_EXPIRED'],
  }
}
function previewFor(input: { templateKey: string; locale?: string; remedies?: RemedyId[]; body?: string }, sendable = true): ReplyPreview {
  return {
    subject: `subject ${input.templateKey} ${input.locale}`, body: input.body ?? `body ${(input.remedies ?? []).join(',')}`, locale: input.locale ?? 'en', fallbackFrom: null,
    to: 'a@example.com', remedies: input.remedies ?? [], guard: { ok: true, hits: [], reason: null }, issues: [],
    restriction: { restricted: false, reasons: [] }, sendable, blocked: sendable ? null : { en: 'no', 'zh-CN': '不' },
  }
}

let restricted = false
let sendable = true
function backend() {
  call.mockImplementation(async (channel: string, input: Record<string, unknown>) => {
    switch (channel) {
      case 'remedies:for-case': return forCase(restricted)
      case 'remedies:list': return { remedies: CATALOGUE }
      case 'templates:list': return { templates: TEMPLATES }
      case 'outbox:list': return { entries: [], total: 0, countsByState: {}, sender: { configured: false, running: false } }
      case 'templates:preview': return previewFor(input as never, sendable)
      case 'decisions:record': return {
        decision: { id: 1, caseId: input.caseId, attempt: 1, kind: input.kind, reason: input.reason, remedies: input.remedies ?? [], agent: 'a', decidedAt: 'now', outboxId: 9 },
        caseStatus: 'awaiting_customer',
        outbox: { id: 9, state: 'queued' },
      }
      case 'cases:list': return { rows: [], total: 0, countsByStatus: {}, countsByCause: {} }
      default: throw new Error(`unexpected ${channel}`)
    }
  })
}
const calls = (channel: string) => call.mock.calls.filter((c) => c[0] === channel).map((c) => c[1])

describe('remedy order', () => {
  it('moves an item up or down and keeps it at either end', () => {
    expect(moveItem(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b'])
    expect(moveItem(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c'])
    expect(moveItem(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c'])
    expect(moveItem(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c'])
  })
})

describe('composer store', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    setActivePinia(createPinia())
    call.mockReset()
    restricted = false
    sendable = true
    backend()
  })
  afterEach(() => vi.useRealTimers())

  async function loaded() {
    const c = useComposerStore()
    await c.load({ id: 7, locale: 'en', status: 'new' })
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS + 1)
    return c
  }

  it('starts from the pre-selected remedies and a resubmission template in the customer’s locale', async () => {
    const c = await loaded()
    expect(c.selected).toEqual(['USE_VALID_DOCUMENT', 'RETAKE_SELFIE'])
    expect(c.kind).toBe('request_resubmission')
    expect(c.templateKey).toBe('request_resubmission')
    expect(c.preview?.body).toBe('body USE_VALID_DOCUMENT,RETAKE_SELFIE')
    // internal-only remedies can never be added to a customer reply
    expect(c.addable.map((r) => r.id)).toEqual(['SELFIE_IN_DAYLIGHT'])
  })

  it('sends remedies in the order the agent gave them, and previews them debounced', async () => {
    const c = await loaded()
    const before = calls('templates:preview').length
    c.move('RETAKE_SELFIE', -1)
    c.add('SELFIE_IN_DAYLIGHT')
    c.remove('USE_VALID_DOCUMENT')
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS + 1)
    expect(calls('templates:preview').length).toBe(before + 1) // three edits, one call
    expect(c.preview?.body).toBe('body RETAKE_SELFIE,SELFIE_IN_DAYLIGHT')
    c.reason = 'Expired passport, selfie too dark'
    await c.send()
    const [rec] = calls('decisions:record')
    expect(rec).toMatchObject({ caseId: 7, kind: 'request_resubmission', remedies: ['RETAKE_SELFIE', 'SELFIE_IN_DAYLIGHT'], reply: { templateKey: 'request_resubmission', locale: 'en', remedies: ['RETAKE_SELFIE', 'SELFIE_IN_DAYLIGHT'] } })
  })

  it('uses the agent’s edited text for the preview and the reply, until the edits are discarded', async () => {
    const c = await loaded()
    c.startEditing()
    c.bodyDraft = 'My own words'
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS + 1)
    expect(c.preview?.body).toBe('My own words')
    expect(c.request).toMatchObject({ body: 'My own words' })
    c.discardEdits()
    expect(c.request?.body).toBeUndefined()
  })

  it('refuses to send without a reason, without remedies, or when the preview is not sendable', async () => {
    const c = await loaded()
    expect(c.blockers).toEqual(['reasonRequired'])
    c.reason = 'ok, fine'
    c.remove('USE_VALID_DOCUMENT')
    c.remove('RETAKE_SELFIE')
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS + 1)
    expect(c.blockers).toContain('noRemedies')
    expect(await c.send()).toBeNull()
    c.add('RETAKE_SELFIE')
    sendable = false
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS + 1)
    expect(c.blockers).toEqual(['notSendable'])
    expect(await c.send()).toBeNull()
    expect(calls('decisions:record')).toHaveLength(0)
  })

  it('offers only escalation with a holding reply in a restricted case', async () => {
    restricted = true
    const c = await loaded()
    expect(c.restricted).toBe(true)
    expect(c.kinds).toEqual(['escalate'])
    expect(c.kind).toBe('escalate')
    expect(c.templatesForKind.map((t) => t.key)).toEqual(['escalation_holding_reply', 'wait_for_review'])
    c.setKind('request_resubmission') // not offered: ignored
    expect(c.kind).toBe('escalate')
    c.reason = 'Vendor final rejection'
    await c.send()
    const [rec] = calls('decisions:record')
    expect(rec.kind).toBe('escalate')
    expect(rec.remedies).toBeUndefined()
    expect(rec.reply.templateKey).toBe('escalation_holding_reply')
  })

  it('lets compliance’s outcome be recorded once a restricted case is escalated, never a resubmission', () => {
    expect(allowedKinds(true, 'escalated')).toEqual(['escalate', 'approve_override', 'reject_final'])
    expect(allowedKinds(true, 'new')).toEqual(['escalate'])
    expect(allowedKinds(false, 'new')).toContain('request_resubmission')
  })

  it('"send & next" records the decision, then opens the case after this one', async () => {
    const c = await loaded()
    const queue = useQueueStore()
    const openNext = vi.spyOn(queue, 'openNext').mockResolvedValue(null)
    c.reason = 'Expired passport'
    const result = await c.sendAndNext()
    expect(result?.outbox?.state).toBe('queued')
    expect(openNext).toHaveBeenCalledWith(7)
    expect(call.mock.invocationCallOrder[call.mock.calls.findIndex((x) => x[0] === 'decisions:record')]).toBeLessThan(openNext.mock.invocationCallOrder[0])
    expect(c.replies[0]?.id).toBe(9)
    expect(c.reason).toBe('')
  })

  it('does not open the next case when the decision fails', async () => {
    const c = await loaded()
    const openNext = vi.spyOn(useQueueStore(), 'openNext').mockResolvedValue(null)
    call.mockImplementationOnce(async () => {
      throw new Error('CONFLICT: case changed')
    })
    c.reason = 'Expired passport'
    expect(await c.sendAndNext()).toBeNull()
    expect(openNext).not.toHaveBeenCalled()
    expect(c.error).toContain('CONFLICT')
  })
})
