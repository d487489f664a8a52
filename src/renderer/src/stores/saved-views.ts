import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { defaultFilters, OPEN_STATUSES, type QueueFilters } from './queue'
import type { Cause } from '../../../shared/domain/causes'

export interface SavedView {
  id: string
  /** Built-in views have an i18n key; the agent's own views have a name they typed. */
  nameKey?: string
  name?: string
  builtIn: boolean
  filters: QueueFilters
}

export const STORAGE_KEY = 'kyc-desk.saved-views'

const view = (id: string, patch: Partial<QueueFilters>): SavedView => ({
  id, nameKey: `views.${id}`, builtIn: true, filters: { ...defaultFilters(), ...patch },
})

/** Built-in views; "My open" means assigned to the agent named in Settings (the OS user by default). */
export const BUILT_IN_VIEWS: readonly SavedView[] = [
  view('open', {}),
  view('myOpen', { assignee: 'me' }),
  view('unassigned', { assignee: 'unassigned' }),
  view('overSla', { olderThanHours: 48 }),
  view('faceIssues', { causes: ['FACE_MISMATCH', 'FACE_CAPTURE_FAILED'] }),
  view('documentIssues', { causes: ['DOCUMENT_QUALITY', 'DOCUMENT_EXPIRED', 'DOCUMENT_INCOMPLETE', 'DOCUMENT_FILE_INVALID'] }),
  view('dataMismatch', { causes: ['IDENTITY_DATA_MISMATCH'] }),
  view('security', { causes: ['ACCOUNT_SECURITY_RISK', 'DUPLICATE_IDENTITY'] }),
  view('repeat', { minAttempt: 2 }),
  view('escalated', { statuses: ['escalated'] }),
  view('all', { statuses: [] }),
]

function sameFilters(a: QueueFilters, b: QueueFilters): boolean {
  const norm = (f: QueueFilters) =>
    JSON.stringify({ ...f, statuses: [...f.statuses].sort(), causes: [...f.causes].sort(), country: f.country?.trim().toUpperCase() || null, search: f.search.trim() })
  return norm(a) === norm(b)
}

/** Views saved before several causes could be chosen kept one `cause`. */
function upgradeFilters(stored: Partial<QueueFilters> & { cause?: Cause | null }): QueueFilters {
  const { cause, ...rest } = stored
  const filters = { ...defaultFilters(), ...rest }
  if (!Array.isArray(filters.causes)) filters.causes = []
  if (cause && filters.causes.length === 0) filters.causes = [cause]
  return filters
}

function load(): SavedView[] {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown
    if (!Array.isArray(raw)) return []
    return raw
      .filter((v): v is SavedView => typeof v?.id === 'string' && typeof v?.name === 'string' && typeof v?.filters === 'object')
      .map((v) => ({ id: v.id, name: v.name, builtIn: false, filters: upgradeFilters(v.filters) }))
  } catch {
    return [] // a damaged entry must not stop the queue from opening
  }
}

/** The agent's saved queue views, kept in localStorage, after the built-in ones. */
export const useSavedViewsStore = defineStore('savedViews', () => {
  const custom = ref<SavedView[]>(load())
  watch(custom, (v) => localStorage.setItem(STORAGE_KEY, JSON.stringify(v.map(({ id, name, filters }) => ({ id, name, filters })))), { deep: true })

  function all(): SavedView[] {
    return [...BUILT_IN_VIEWS, ...custom.value]
  }

  function save(name: string, filters: QueueFilters): SavedView {
    const trimmed = name.trim().slice(0, 60)
    const existing = custom.value.find((v) => v.name === trimmed)
    const copy = JSON.parse(JSON.stringify(filters)) as QueueFilters
    if (existing) {
      existing.filters = copy
      return existing
    }
    const created: SavedView = { id: `custom-${Date.now().toString(36)}-${custom.value.length}`, name: trimmed, builtIn: false, filters: copy }
    custom.value.push(created)
    return created
  }

  function remove(id: string): void {
    custom.value = custom.value.filter((v) => v.id !== id)
  }

  /** The view whose filters are exactly the current ones, if any. */
  function matching(filters: QueueFilters): SavedView | null {
    return all().find((v) => sameFilters(v.filters, filters)) ?? null
  }

  return { custom, all, save, remove, matching }
})

export { OPEN_STATUSES }
