import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowReactive } from 'vue'
import { call } from '../api'
import type { CaseRow, CaseStatus, QueueQuery } from '../../../shared/domain/case'
import type { Cause } from '../../../shared/domain/causes'

export const PAGE_SIZE = 100
export const OPEN_STATUSES: CaseStatus[] = ['new', 'pending', 'escalated']
export type QueueSort = 'oldest' | 'newest' | 'attempt'

export type AssigneeFilter = 'me' | 'unassigned' | null

export interface QueueFilters {
  statuses: CaseStatus[]
  /** Cases with any of these causes; empty = any cause. */
  causes: Cause[]
  assignee: AssigneeFilter
  /** Alpha-3 country code as stored on the case (the form's issuing country). */
  country: string | null
  /** Only cases waiting at least this many hours. */
  olderThanHours: number | null
  /** Only cases on at least this attempt. */
  minAttempt: number | null
  search: string
  sort: QueueSort
}

export function defaultFilters(): QueueFilters {
  return { statuses: [...OPEN_STATUSES], causes: [], assignee: null, country: null, olderThanHours: null, minAttempt: null, search: '', sort: 'oldest' }
}

/** Turns the UI's filters into the contract's query (empty parts left out). */
export function toQuery(f: QueueFilters): QueueQuery {
  const country = f.country?.trim().toUpperCase()
  return {
    statuses: f.statuses.length ? [...f.statuses] : undefined,
    causes: f.causes.length ? [...f.causes].sort() : undefined,
    assignee: f.assignee ?? undefined,
    country: country || undefined,
    olderThanHours: f.olderThanHours ?? undefined,
    minAttempt: f.minAttempt ?? undefined,
    search: f.search.trim() || undefined,
    sort: f.sort,
  }
}

/**
 * The queue as a sparse list: pages of rows are fetched as they scroll into view, so 100,000
 * cases cost one page of memory and one indexed query per page.
 */
export const useQueueStore = defineStore('queue', () => {
  const filters = reactive<QueueFilters>(defaultFilters())
  const total = ref(0)
  const countsByStatus = ref<Record<string, number>>({})
  const countsByCause = ref<Record<string, number>>({})
  const countsByCountry = ref<Array<{ country: string; n: number }>>([])
  let countsGeneration = 0
  const pages = shallowReactive(new Map<number, CaseRow[]>())
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref<string | null>(null)
  const selectedIndex = ref(0)
  let generation = 0
  const inflight = new Map<number, Promise<void>>()
  let navigate: (id: number) => unknown = () => undefined

  const query = computed<QueueQuery>(() => toQuery(filters))

  function rowAt(index: number): CaseRow | undefined {
    return pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE]
  }

  function fetchPage(page: number, gen: number): Promise<void> {
    if (pages.has(page)) return Promise.resolve()
    const running = inflight.get(page)
    if (running) return running
    let request: Promise<void> | undefined = undefined
    request = (async () => {
      try {
        const result = await call('cases:list', { ...query.value, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        if (gen !== generation) return
        pages.set(page, result.rows)
        if (result.total !== null) total.value = result.total
      } finally {
        if (inflight.get(page) === request) inflight.delete(page)
      }
    })()
    inflight.set(page, request)
    return request
  }

  /** Reloads from the first page (after a filter change, a decision or an import). */
  async function reload(): Promise<void> {
    generation++
    pages.clear()
    inflight.clear()
    loading.value = true
    error.value = null
    try {
      await fetchPage(0, generation)
      selectedIndex.value = Math.min(selectedIndex.value, Math.max(0, total.value - 1))
      loaded.value = true
      void refreshCounts()
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    } finally {
      loading.value = false
    }
  }

  /**
   * Reloads without blanking the list: the rows on screen stay until the fresh first page is
   * there (coming back to the queue after a case must not flash empty).
   */
  async function refresh(): Promise<void> {
    const gen = ++generation
    inflight.clear()
    try {
      const result = await call('cases:list', { ...query.value, offset: 0, limit: PAGE_SIZE })
      if (gen !== generation) return
      pages.clear()
      pages.set(0, result.rows)
      if (result.total !== null) total.value = result.total
      void refreshCounts()
      selectedIndex.value = Math.min(selectedIndex.value, Math.max(0, total.value - 1))
      error.value = null
    } catch (e) {
      if (gen === generation) error.value = e instanceof Error ? e.message : String(e)
    }
  }

  /**
   * The side panel's counts, asked after the rows are on screen (counting reads the whole queue);
   * an answer for a query that has since changed is dropped.
   */
  async function refreshCounts(): Promise<void> {
    const gen = ++countsGeneration
    try {
      const counts = await call('cases:counts', { ...query.value })
      if (gen !== countsGeneration) return
      countsByStatus.value = counts.countsByStatus
      countsByCause.value = counts.countsByCause
      countsByCountry.value = counts.countsByCountry
    } catch {
      // Counts are a convenience: the queue itself already shows, and the next reload retries.
    }
  }

  /** Makes sure the rows first..last are loaded. */
  async function ensureRange(first: number, last: number): Promise<void> {
    const gen = generation
    const wanted: Promise<void>[] = []
    for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) wanted.push(fetchPage(p, gen))
    try {
      await Promise.all(wanted)
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    }
  }

  function select(index: number): void {
    if (total.value === 0) return
    selectedIndex.value = Math.max(0, Math.min(total.value - 1, index))
  }

  /** Replaces every filter at once (a saved view) without firing one reload per field. */
  function applyFilters(next: QueueFilters): void {
    Object.assign(filters, { ...next, statuses: [...next.statuses], causes: [...next.causes] })
    selectedIndex.value = 0
  }

  function setNavigator(fn: (id: number) => unknown): void {
    navigate = fn
  }

  /**
   * The case after `currentId` in the current queue order, read fresh (a decision may just have
   * moved `currentId` out of the queue: then the case that slid into its place is next).
   */
  async function nextAfter(currentId: number | null): Promise<CaseRow | null> {
    const start = selectedIndex.value
    await reload()
    if (error.value || total.value === 0) return null
    await ensureRange(Math.max(0, start - 1), Math.min(total.value - 1, start + 1))
    let next = start
    if (currentId !== null) {
      const at = [start - 1, start, start + 1].find((i) => rowAt(i)?.id === currentId)
      if (at !== undefined) next = at + 1
    }
    if (next >= total.value) return null
    await ensureRange(next, next)
    select(next)
    const row = rowAt(next)
    return row && row.id !== currentId ? row : null
  }

  /** "Submit and next": opens the case after `currentId` in the current queue order. */
  async function openNext(currentId: number | null = null): Promise<CaseRow | null> {
    const row = await nextAfter(currentId)
    if (row) await navigate(row.id)
    return row
  }

  /** Remembers which case is open so `openNext` continues from it when opened by link. */
  function noteOpened(id: number): void {
    for (const [page, rows] of pages) {
      const k = rows.findIndex((r) => r.id === id)
      if (k >= 0) {
        selectedIndex.value = page * PAGE_SIZE + k
        return
      }
    }
  }

  return {
    filters, total, countsByStatus, countsByCause, countsByCountry, pages, loading, loaded, error, selectedIndex, query,
    rowAt, reload, refresh, ensureRange, select, applyFilters, setNavigator, nextAfter, openNext, noteOpened,
  }
})
