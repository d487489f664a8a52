import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { artifactUrl, call } from '../api'
import { openingImages } from '../composables/case-images'
import type { CaseDetail } from '../../../shared/domain/case'

/** A prefetched case is shown without asking main again only this soon after it was fetched. */
const PREFETCH_FRESH_MS = 30_000
const PREFETCH_KEPT = 3

export const useCaseDetailStore = defineStore('caseDetail', () => {
  const detail = ref<CaseDetail | null>(null)
  const attemptIndex = ref(0)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let latest = 0

  const attempt = computed(() => detail.value?.attempts[attemptIndex.value] ?? null)
  /** The attempt before the shown one, for "what changed". */
  const previousAttempt = computed(() => (attemptIndex.value > 0 ? detail.value?.attempts[attemptIndex.value - 1] ?? null : null))

  /**
   * Cases fetched ahead (the row the agent rests on in the queue, the next case in the workspace)
   * with their two opening images decoded, so opening one shows it at once. A prefetched detail is
   * shown only while fresh, and is fetched again right after it is shown.
   */
  const prefetched = new Map<number, { at: number; detail: Promise<CaseDetail> }>()
  const warmImages: HTMLImageElement[] = []
  function prefetch(id: number): void {
    const hit = prefetched.get(id)
    if (hit && Date.now() - hit.at < PREFETCH_FRESH_MS) return
    const pending = call('cases:get', { id })
    pending.then((d) => warm(openingImages(d)), () => prefetched.delete(id))
    prefetched.set(id, { at: Date.now(), detail: pending })
    while (prefetched.size > PREFETCH_KEPT) prefetched.delete(prefetched.keys().next().value as number)
  }
  function warm(shas: string[]): void {
    for (const sha of shas) {
      const img = new Image()
      img.decoding = 'async'
      img.src = artifactUrl(sha)
      void img.decode?.().catch(() => undefined)
      warmImages.push(img) // held so the decoded image stays in the document's image list
    }
    warmImages.splice(0, Math.max(0, warmImages.length - PREFETCH_KEPT * 2))
  }
  function takePrefetched(id: number): Promise<CaseDetail> | null {
    const hit = prefetched.get(id)
    prefetched.delete(id)
    return hit && Date.now() - hit.at < PREFETCH_FRESH_MS ? hit.detail : null
  }

  async function open(id: number): Promise<void> {
    const request = ++latest
    loading.value = true
    error.value = null
    if (detail.value?.row.id !== id) detail.value = null
    try {
      const ahead = takePrefetched(id)
      const result = (ahead && (await ahead.catch(() => null))) || (await call('cases:get', { id }))
      if (request !== latest) return // a newer case was opened meanwhile (j/k held down)
      detail.value = result
      attemptIndex.value = result.attempts.length - 1
      if (ahead) void revalidate(id, request)
    } catch (e) {
      if (request !== latest) return
      detail.value = null
      error.value = e instanceof Error ? e.message : String(e)
    } finally {
      if (request === latest) loading.value = false
    }
  }

  /** After showing a prefetched case: the analysis may have finished since, so ask again. */
  async function revalidate(id: number, request: number): Promise<void> {
    try {
      const fresh = await call('cases:get', { id })
      if (request !== latest || detail.value?.row.id !== id) return
      const shownAttempt = attemptIndex.value
      detail.value = fresh
      attemptIndex.value = Math.min(shownAttempt, fresh.attempts.length - 1)
    } catch {
      // The prefetched copy stays on screen; the next open asks again.
    }
  }

  /** The agent using the app, as main knows them (Settings ▸ Agent, else the OS user). */
  const agentName = ref<string | null>(null)
  async function loadAgent(): Promise<void> {
    agentName.value = (await call('settings:agent', {})).name
  }
  const assignedToMe = computed(() => !!detail.value?.row.assignee && detail.value.row.assignee === agentName.value)

  /** Takes the open case (`me`) or gives it back (`nobody`); the queue row follows on its next load. */
  async function assign(to: 'me' | 'nobody'): Promise<void> {
    const d = detail.value
    if (!d) return
    const row = await call('cases:assign', { id: d.row.id, to })
    if (detail.value?.row.id === row.id) detail.value = { ...detail.value, row }
  }

  /**
   * Document numbers and dates of birth come masked from main; a reveal fetches them in clear and
   * is recorded in main's audit log. Reveals last until concealed: on "Hide", when the workspace
   * moves to another case or closes, and when the window locks (main forgets them all then).
   */
  const revealed = computed(() => detail.value?.masked === false)
  const revealedIds = new Set<number>()
  // Also a case main still shows in clear (revealed before a reload), so leaving it conceals it.
  watch(detail, (d) => {
    if (d?.masked === false) revealedIds.add(d.row.id)
  })

  async function reveal(): Promise<void> {
    const id = detail.value?.row.id
    if (id === undefined) return
    const clear = await call('cases:reveal', { id })
    revealedIds.add(id)
    if (detail.value?.row.id === id) detail.value = clear
  }

  async function conceal(id = detail.value?.row.id): Promise<void> {
    if (id === undefined) return
    revealedIds.delete(id)
    await call('cases:conceal', { id })
    if (detail.value?.row.id === id && detail.value.masked === false) detail.value = await call('cases:get', { id })
  }

  /** Conceals every case revealed in this window except `keep` (the one on screen, if any). */
  async function concealOthers(keep?: number): Promise<void> {
    await Promise.all([...revealedIds].filter((id) => id !== keep).map((id) => conceal(id).catch(() => undefined)))
  }

  function showAttempt(index: number): void {
    const n = detail.value?.attempts.length ?? 0
    if (n) attemptIndex.value = Math.max(0, Math.min(n - 1, index))
  }

  return { detail, attemptIndex, attempt, previousAttempt, loading, error, agentName, assignedToMe, open, prefetch, loadAgent, assign, showAttempt,
    revealed, reveal, conceal, concealOthers }
})
