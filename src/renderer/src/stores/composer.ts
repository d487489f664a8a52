import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { call } from '../api'
import type { Output } from '../../../shared/contract'
import type { CaseStatus } from '../../../shared/domain/case'
import { DECISION_PURPOSES, type DecisionKind } from '../../../shared/domain/decision'
import type { OutboxEntry } from '../../../shared/domain/outbox'
import type { CaseRemedies, Remedy, RemedyId } from '../../../shared/domain/remedy'
import type { ReplyPreview, ReplyRequest, Template } from '../../../shared/domain/reply'
import { useQueueStore } from './queue'

/** Preview calls wait this long after the last change (typing in the reason or the body). */
export const PREVIEW_DEBOUNCE_MS = 250

export const REPLY_LOCALES = ['en', 'zh-CN'] as const

/** The case the composer works on: its database id, the customer's locale and where it stands. */
export interface ComposerCase {
  id: number
  locale: string
  status: CaseStatus
}

export type SendResult = Output<'decisions:record'>

/** Moves `id` by `delta` places; a no-op at either end. Exported for the list's buttons and tests. */
export function moveItem<T>(list: readonly T[], item: T, delta: number): T[] {
  const from = list.indexOf(item)
  const to = from + delta
  if (from < 0 || to < 0 || to >= list.length) return [...list]
  const next = [...list]
  next.splice(from, 1)
  next.splice(to, 0, item)
  return next
}

/**
 * The decisions a case allows: a restricted case (security / duplicate signal, vendor FINAL) is
 * escalated first and can never be sent back for resubmission; once escalated, compliance's
 * outcome (approve or reject) can be recorded.
 */
export function allowedKinds(restricted: boolean, status: CaseStatus | null): DecisionKind[] {
  if (!restricted) return ['request_resubmission', 'approve_override', 'reject_final', 'escalate']
  return status === 'escalated' ? ['escalate', 'approve_override', 'reject_final'] : ['escalate']
}

/**
 * The reply composer of one case: remedies, decision, template, locale, the agent's edits and the
 * live preview; "send" records the decision and queues the reply in one call.
 */
export const useComposerStore = defineStore('composer', () => {
  const open = ref(false)
  const target = ref<ComposerCase | null>(null)
  const caseRemedies = ref<CaseRemedies | null>(null)
  const catalogue = ref<Remedy[]>([])
  const templates = ref<Template[]>([])
  const selected = ref<RemedyId[]>([])
  const kind = ref<DecisionKind>('request_resubmission')
  const templateKey = ref<string | null>(null)
  const locale = ref('en')
  const reason = ref('')
  const withReply = ref(true)
  /** The agent's edit of the rendered text; null = the template's own rendering. */
  const subjectDraft = ref<string | null>(null)
  const bodyDraft = ref<string | null>(null)
  const preview = ref<ReplyPreview | null>(null)
  const previewError = ref<string | null>(null)
  const previewing = ref(false)
  const loading = ref(false)
  const sending = ref(false)
  const error = ref<string | null>(null)
  /** Replies already queued for this case (newest first), for copy / .eml. */
  const replies = ref<OutboxEntry[]>([])
  let loadSeq = 0
  let previewSeq = 0
  let previewTimer: ReturnType<typeof setTimeout> | undefined

  const restricted = computed(() => caseRemedies.value?.restriction.restricted ?? false)
  const kinds = computed(() => allowedKinds(restricted.value, target.value?.status ?? null))
  const templatesForKind = computed(() => templates.value.filter((t) => (DECISION_PURPOSES[kind.value] as readonly string[]).includes(t.purpose)))
  const template = computed(() => templates.value.find((t) => t.key === templateKey.value) ?? null)
  const edited = computed(() => subjectDraft.value !== null || bodyDraft.value !== null)
  const byId = computed(() => new Map(catalogue.value.map((r) => [r.id, r])))
  /** Catalogue remedies a customer may read that are not selected yet (for "add"). */
  const addable = computed(() => catalogue.value.filter((r) => !r.internalOnly && !selected.value.includes(r.id)))
  const locales = computed(() => {
    const own = target.value?.locale
    return own && !(REPLY_LOCALES as readonly string[]).includes(own) ? [own, ...REPLY_LOCALES] : [...REPLY_LOCALES]
  })

  const request = computed<ReplyRequest | null>(() => {
    if (!templateKey.value) return null
    return {
      templateKey: templateKey.value,
      locale: locale.value,
      remedies: [...selected.value],
      ...(subjectDraft.value !== null && subjectDraft.value.trim() ? { subject: subjectDraft.value } : {}),
      ...(bodyDraft.value !== null && bodyDraft.value.trim() ? { body: bodyDraft.value } : {}),
    }
  })

  /** Why "send" is disabled (i18n keys of the composer section), empty when it can go. */
  const blockers = computed<string[]>(() => {
    const out: string[] = []
    if (!target.value) return ['noCase']
    if (!kinds.value.includes(kind.value)) out.push('kindNotAllowed')
    if (reason.value.trim().length < 3) out.push('reasonRequired')
    if (kind.value === 'request_resubmission' && selected.value.length === 0) out.push('noRemedies')
    if (withReply.value) {
      if (!templateKey.value) out.push('noTemplate')
      else if (!preview.value || previewing.value) out.push('previewPending')
      else if (!preview.value.sendable) out.push('notSendable')
    }
    return out
  })
  const canSend = computed(() => blockers.value.length === 0 && !sending.value)

  function pickTemplate(): void {
    const list = templatesForKind.value
    if (!list.some((t) => t.key === templateKey.value)) templateKey.value = list[0]?.key ?? null
  }

  function discardEdits(): void {
    subjectDraft.value = null
    bodyDraft.value = null
  }

  /** Starts editing from the text as it would be sent now. */
  function startEditing(): void {
    subjectDraft.value = preview.value?.subject ?? ''
    bodyDraft.value = preview.value?.body ?? ''
  }

  function setKind(next: DecisionKind): void {
    if (!kinds.value.includes(next)) return
    kind.value = next
    discardEdits()
    pickTemplate()
  }

  async function loadReplies(caseId: number): Promise<void> {
    try {
      const page = await call('outbox:list', { caseId, offset: 0, limit: 20 })
      if (target.value?.id === caseId) replies.value = page.entries
    } catch {
      replies.value = [] // the list is a convenience; the composer works without it
    }
  }

  /** Loads the composer for a case: pre-selected remedies, restriction, catalogue and templates. */
  async function load(c: ComposerCase): Promise<void> {
    const seq = ++loadSeq
    target.value = c
    loading.value = true
    error.value = null
    preview.value = null
    previewError.value = null
    caseRemedies.value = null
    replies.value = []
    reason.value = ''
    withReply.value = true
    discardEdits()
    try {
      const [forCase, list, tpl] = await Promise.all([
        call('remedies:for-case', { caseId: c.id }),
        catalogue.value.length ? Promise.resolve({ remedies: catalogue.value }) : call('remedies:list', {}),
        call('templates:list', {}),
      ])
      if (seq !== loadSeq) return
      caseRemedies.value = forCase
      catalogue.value = list.remedies
      templates.value = tpl.templates
      selected.value = [...forCase.customer]
      locale.value = c.locale || 'en'
      const allowed = allowedKinds(forCase.restriction.restricted, c.status)
      kind.value = forCase.restriction.restricted ? 'escalate' : allowed[0]
      templateKey.value = null
      pickTemplate()
      void loadReplies(c.id)
    } catch (e) {
      if (seq === loadSeq) error.value = e instanceof Error ? e.message : String(e)
    } finally {
      if (seq === loadSeq) loading.value = false
    }
  }

  async function refreshPreview(): Promise<void> {
    clearTimeout(previewTimer)
    const c = target.value
    const req = request.value
    if (!c || !req || !withReply.value) {
      preview.value = null
      previewing.value = false
      return
    }
    const seq = ++previewSeq
    previewing.value = true
    try {
      const result = await call('templates:preview', { caseId: c.id, ...req })
      if (seq !== previewSeq) return
      preview.value = result
      previewError.value = null
    } catch (e) {
      if (seq !== previewSeq) return
      preview.value = null
      previewError.value = e instanceof Error ? e.message : String(e)
    } finally {
      if (seq === previewSeq) previewing.value = false
    }
  }

  /**
   * After the case was revealed or masked again: the fields to correct and the preview quote the
   * document number and date of birth, so both are fetched again (the agent's choices stay).
   */
  async function refreshMasking(): Promise<void> {
    const c = target.value
    if (!c) return
    try {
      const forCase = await call('remedies:for-case', { caseId: c.id })
      if (target.value?.id === c.id && caseRemedies.value) caseRemedies.value = { ...caseRemedies.value, fields: forCase.fields }
    } catch {
      // The list stays as it was; the preview below still refreshes.
    }
    await refreshPreview()
  }

  function schedulePreview(): void {
    clearTimeout(previewTimer)
    previewing.value = true
    previewTimer = setTimeout(() => void refreshPreview(), PREVIEW_DEBOUNCE_MS)
  }

  watch(request, (next, prev) => {
    if (JSON.stringify(next) !== JSON.stringify(prev)) schedulePreview()
  })
  watch(withReply, () => schedulePreview())

  function add(id: RemedyId): void {
    if (!selected.value.includes(id)) selected.value = [...selected.value, id]
  }
  function remove(id: RemedyId): void {
    selected.value = selected.value.filter((r) => r !== id)
  }
  function move(id: RemedyId, delta: number): void {
    selected.value = moveItem(selected.value, id, delta)
  }

  /** Records the decision with its reply (one transaction in main). */
  async function send(): Promise<SendResult | null> {
    const c = target.value
    if (!c || sending.value) return null
    if (withReply.value && previewing.value) await refreshPreview() // the text sent is the text shown
    if (!canSend.value) return null
    sending.value = true
    error.value = null
    try {
      const result = await call('decisions:record', {
        caseId: c.id,
        kind: kind.value,
        reason: reason.value.trim(),
        ...(kind.value === 'request_resubmission' ? { remedies: [...selected.value] } : {}),
        ...(withReply.value && request.value ? { reply: request.value } : {}),
      })
      target.value = { ...c, status: result.caseStatus as CaseStatus }
      if (result.outbox) replies.value = [result.outbox, ...replies.value]
      reason.value = ''
      void useQueueStore().refresh()
      return result
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
      return null
    } finally {
      sending.value = false
    }
  }

  /** "Send & next": sends, then opens the case after this one in the queue. */
  async function sendAndNext(): Promise<SendResult | null> {
    const c = target.value
    const result = await send()
    if (result && c) await useQueueStore().openNext(c.id)
    return result
  }

  /** Plain text of the reply as shown, for the clipboard before anything is queued. */
  const previewText = computed(() => (preview.value ? `${preview.value.subject}\n\n${preview.value.body}` : ''))

  return {
    open, target, caseRemedies, catalogue, templates, selected, kind, templateKey, locale, reason, withReply,
    subjectDraft, bodyDraft, preview, previewError, previewing, loading, sending, error, replies,
    restricted, kinds, templatesForKind, template, edited, byId, addable, locales, request, blockers, canSend, previewText,
    load, refreshPreview, refreshMasking, schedulePreview, setKind, pickTemplate, startEditing, discardEdits, add, remove, move, send, sendAndNext, loadReplies,
  }
})
