import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowReactive } from 'vue'
import { call } from '../api'
import type { CaseRow, CaseStatus, QueueQuery } from '../../../shared/domain/case'
import type { Cause } from '../../../shared/domain/causes'

export const PAGE_SIZE = 100
export const OPEN_STATUSES: CaseStatus[] = ['new', 'pending', 'escalated']

export interface QueueFilters {
  statuses: CaseStatus[]
  cause: Cause | null
  country: string | null
  search: string
  sort: 'oldest' | 'newest' | 'attempt'
}

/**
 * The queue as a sparse list: pages of rows are fetched as they scroll into view, so 100,000
 * cases cost one page of memory and one indexed query per page.
 */
export const useQueueStore = defineStore('queue', () => {
  const filters = reactive<QueueFilters>({ statuses: [...OPEN_STATUSES], cause: null, country: null, search: '', sort: 'oldest' })
  const total = ref(0)
  const countsByStatus = ref<Record<string, number>>({})
  const countsByCause = ref<Record<string, number>>({})
  const pages = shallowReactive(new Map<number, CaseRow[]>())
  const loading = ref(false)
  const error = ref<string | null>(null)
  const selectedIndex = ref(0)
  let generation = 0
  const inflight = new Set<number>()

  const query = computed<QueueQuery>(() => ({
    statuses: filters.statuses.length ? filters.statuses : undefined,
    cause: filters.cause ?? undefined,
    country: filters.country ?? undefined,
    search: filters.search.trim() || undefined,
    sort: filters.sort,
  }))

  function rowAt(index: number): CaseRow | undefined {
    return pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE]
  }

  async function fetchPage(page: number, gen: number): Promise<void> {
    if (pages.has(page) || inflight.has(page)) return
    inflight.add(page)
    try {
      const result = await call('cases:list', { ...query.value, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
      if (gen !== generation) return
      pages.set(page, result.rows)
      if (result.total !== null) total.value = result.total
      countsByStatus.value = result.countsByStatus
      countsByCause.value = result.countsByCause
    } finally {
      inflight.delete(page)
    }
  }

  /** Reloads from the first page (after a filter change or an import). */
  async function reload(): Promise<void> {
    generation++
    pages.clear()
    inflight.clear()
    loading.value = true
    error.value = null
    try {
      await fetchPage(0, generation)
      selectedIndex.value = Math.min(selectedIndex.value, Math.max(0, total.value - 1))
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    } finally {
      loading.value = false
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

  return { filters, total, countsByStatus, countsByCause, pages, loading, error, selectedIndex, rowAt, reload, ensureRange, select }
})
