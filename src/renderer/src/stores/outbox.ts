import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { call } from '../api'
import { OUTBOX_STATES, type OutboxEntry, type OutboxPage, type OutboxState } from '../../../shared/domain/outbox'

/** How often the outbox view reloads while it is shown, and the topbar badge otherwise. */
export const OUTBOX_REFRESH_MS = 4000
export const BADGE_REFRESH_MS = 15_000
const TOAST_MS = 6000

export type ToastTone = 'ok' | 'warning' | 'blocker' | 'info'
export interface Toast {
  id: number
  text: string
  tone: ToastTone
}

/** States the agent must look at: the badge in the topbar counts them. */
export const ATTENTION_STATES: readonly OutboxState[] = ['failed', 'retrying']

/** Offers text as a file download (a Blob behind an <a download>), e.g. an .eml. */
export function downloadText(fileName: string, content: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Copies to the clipboard; false when the page may not (no permission, not focused). */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

export function replyAsText(e: { to: string; subject: string; body: string }): string {
  return `To: ${e.to}\nSubject: ${e.subject}\n\n${e.body}`
}

/** The outbox list, its counts for the topbar, and the app's short notices (toasts). */
export const useOutboxStore = defineStore('outbox', () => {
  const entries = ref<OutboxEntry[]>([])
  const total = ref(0)
  const countsByState = ref<Record<string, number>>({})
  const sender = ref<OutboxPage['sender'] | null>(null)
  const filter = ref<OutboxState | 'all'>('all')
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref<string | null>(null)
  const busy = ref<Set<number>>(new Set())
  const toasts = ref<Toast[]>([])
  let seq = 0
  let toastSeq = 0

  const attention = computed(() => ATTENTION_STATES.reduce((n, s) => n + (countsByState.value[s] ?? 0), 0))
  const states = OUTBOX_STATES

  function notify(text: string, tone: ToastTone = 'info'): void {
    const toast = { id: ++toastSeq, text, tone }
    toasts.value = [...toasts.value.slice(-3), toast]
    setTimeout(() => dismiss(toast.id), TOAST_MS)
  }
  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((t) => t.id !== id)
  }

  async function load(): Promise<void> {
    const request = ++seq
    loading.value = !loaded.value
    try {
      const page = await call('outbox:list', { ...(filter.value === 'all' ? {} : { states: [filter.value] }), offset: 0, limit: 200 })
      if (request !== seq) return
      entries.value = page.entries
      total.value = page.total
      countsByState.value = page.countsByState
      sender.value = page.sender
      error.value = null
      loaded.value = true
    } catch (e) {
      if (request === seq) error.value = e instanceof Error ? e.message : String(e)
    } finally {
      if (request === seq) loading.value = false
    }
  }

  /** Only the counts (the topbar badge): one row fetched. */
  async function loadCounts(): Promise<void> {
    try {
      const page = await call('outbox:list', { offset: 0, limit: 1 })
      countsByState.value = page.countsByState
      sender.value = page.sender
    } catch {
      // the badge keeps its last value; the outbox view shows errors
    }
  }

  async function act(id: number, fn: () => Promise<unknown>): Promise<boolean> {
    busy.value = new Set(busy.value).add(id)
    try {
      await fn()
      return true
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), 'blocker')
      return false
    } finally {
      const next = new Set(busy.value)
      next.delete(id)
      busy.value = next
      void load()
    }
  }

  const retry = (id: number) => act(id, () => call('outbox:retry', { id }))
  const cancel = (id: number) => act(id, () => call('outbox:cancel', { id }))

  /** Copies the queued reply as the server would send it (the copy is audited in main). */
  async function copy(id: number): Promise<boolean> {
    try {
      const text = await call('outbox:text', { id })
      return await copyToClipboard(replyAsText(text))
    } catch {
      return false
    }
  }

  async function saveEml(id: number): Promise<void> {
    const eml = await call('outbox:eml', { id })
    downloadText(eml.fileName, eml.content, 'message/rfc822')
  }

  function setFilter(next: OutboxState | 'all'): void {
    filter.value = next
    void load()
  }

  return {
    entries, total, countsByState, sender, filter, loading, loaded, error, busy, toasts, attention, states,
    notify, dismiss, load, loadCounts, retry, cancel, copy, saveEml, setFilter,
  }
})
