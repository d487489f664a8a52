import { defineStore } from 'pinia'
import { ref } from 'vue'
import { call } from '../api'
import { defaultFilters, OPEN_STATUSES, type QueueFilters } from './queue'
import type { Cause } from '../../../shared/domain/causes'
import { SAVED_VIEW_NAME_MAX, SAVED_VIEWS_MAX, SavedViewSchema, type StoredSavedView } from '../../../shared/domain/saved-views'

export interface SavedView {
  id: string
  /** Built-in views have an i18n key; the agent's own views have a name they typed. */
  nameKey?: string
  name?: string
  builtIn: boolean
  filters: QueueFilters
}

/**
 * Where earlier versions kept the agent's views, in the renderer's localStorage (unencrypted in
 * Chromium's profile folder). Read once to move them to main, then removed; never written.
 */
export const STORAGE_KEY = 'kyc-desk.saved-views'

export { SAVED_VIEW_NAME_MAX, SAVED_VIEWS_MAX }

/** Why the agent's views could not be loaded or saved (shown in the queue's side panel). */
export interface SavedViewsError {
  kind: 'load' | 'save' | 'full'
  message: string
}

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

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

/** Views saved before several causes could be chosen kept one `cause`. */
function upgradeFilters(stored: Partial<QueueFilters> & { cause?: Cause | null }): QueueFilters {
  const { cause, ...rest } = stored
  const filters = { ...defaultFilters(), ...rest }
  if (!Array.isArray(filters.causes)) filters.causes = []
  if (cause && filters.causes.length === 0) filters.causes = [cause]
  return filters
}

const fromStored = (v: StoredSavedView): SavedView => ({ id: v.id, name: v.name, builtIn: false, filters: v.filters })
const toStored = (views: SavedView[]): StoredSavedView[] => views.map((v) => ({ id: v.id, name: v.name ?? '', filters: clone(v.filters) }))

/**
 * The views an earlier version left in localStorage, upgraded and checked against the contract's
 * schema (a view the queue could not run is dropped). `present`: the key exists at all.
 */
function readLegacy(): { present: boolean; views: SavedView[] } {
  let raw: string | null
  try {
    raw = localStorage.getItem(STORAGE_KEY)
  } catch {
    return { present: false, views: [] }
  }
  if (raw === null) return { present: false, views: [] }
  const views: SavedView[] = []
  try {
    const parsed = JSON.parse(raw) as unknown
    if (!Array.isArray(parsed)) return { present: true, views }
    for (const v of parsed as Array<Partial<SavedView> | null>) {
      if (typeof v?.id !== 'string' || typeof v.name !== 'string' || typeof v.filters !== 'object' || v.filters === null) continue
      const checked = SavedViewSchema.safeParse({ id: v.id, name: v.name.trim().slice(0, SAVED_VIEW_NAME_MAX), filters: upgradeFilters(v.filters) })
      if (!checked.success || views.some((o) => o.id === checked.data.id || o.name === checked.data.name)) continue
      views.push(fromStored(checked.data))
    }
  } catch {
    // A damaged entry must not stop the queue from opening; there is nothing in it to move.
  }
  return { present: true, views: views.slice(0, SAVED_VIEWS_MAX) }
}

/** Main's list, then the views from localStorage it does not have yet (same id or name: main's wins). */
function withLegacy(list: SavedView[], legacy: SavedView[]): SavedView[] {
  const out = [...list]
  for (const v of legacy) {
    if (out.length >= SAVED_VIEWS_MAX) break
    if (!out.some((o) => o.id === v.id || o.name === v.name)) out.push(v)
  }
  return out
}

type Change = { kind: 'save'; view: SavedView } | { kind: 'remove'; id: string }

function applyChange(list: SavedView[], change: Change): SavedView[] {
  if (change.kind === 'remove') return list.filter((v) => v.id !== change.id)
  const at = list.findIndex((v) => v.name === change.view.name)
  if (at >= 0) return list.map((v, i) => (i === at ? { ...v, filters: clone(change.view.filters) } : v))
  return list.length >= SAVED_VIEWS_MAX ? list : [...list, { ...change.view, filters: clone(change.view.filters) }]
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * The agent's saved queue views, after the built-in ones. They are kept by main in the encrypted
 * case database (`views:list` / `views:save`), because a view's search text can be a customer's
 * name or document number. The built-in views are there at once; the agent's own arrive with
 * main's answer. Views an earlier version left in localStorage are sent to main once and removed
 * from localStorage only after main stored them.
 */
export const useSavedViewsStore = defineStore('savedViews', () => {
  const startLegacy = readLegacy()
  const custom = ref<SavedView[]>(startLegacy.views)
  const error = ref<SavedViewsError | null>(null)
  /** Main's list is in `custom`; until then, changes wait in `pending` and are applied to it. */
  let loaded = false
  let pending: Change[] = []
  let loading: Promise<void> | null = null
  let writes: Promise<void> = Promise.resolve()
  let idCounter = 0

  function load(): Promise<void> {
    loading ??= (async () => {
      const legacy = readLegacy()
      let known = legacy.views
      try {
        let list = (await call('views:list', {})).views.map(fromStored)
        known = withLegacy(list, legacy.views)
        if (legacy.present) {
          if (known.length > list.length) list = (await call('views:save', { views: toStored(known) })).views.map(fromStored)
          // Main has them now (or there was nothing readable to move).
          localStorage.removeItem(STORAGE_KEY)
        }
        const changes = pending
        pending = []
        loaded = true
        custom.value = changes.reduce(applyChange, list)
        error.value = null
        if (changes.length > 0) persist()
      } catch (e) {
        // Keep showing what is known; the next change tries again.
        custom.value = pending.reduce(applyChange, known)
        error.value = { kind: 'load', message: messageOf(e) }
        loading = null
      }
    })()
    return loading
  }

  /** Sends the whole list to main; writes go one after the other, so the last state wins. */
  function persist(): void {
    if (!loaded) {
      void load()
      return
    }
    const views = toStored(custom.value)
    writes = writes.then(async () => {
      try {
        await call('views:save', { views })
        if (error.value?.kind !== 'full') error.value = null
      } catch (e) {
        error.value = { kind: 'save', message: messageOf(e) }
      }
    })
  }

  function change(c: Change): void {
    custom.value = applyChange(custom.value, c)
    if (loaded) persist()
    else {
      pending.push(c)
      void load()
    }
  }

  function all(): SavedView[] {
    return [...BUILT_IN_VIEWS, ...custom.value]
  }

  /** Saves the filters under a name (the view of that name, if any, gets them); null for an empty name or a full list. */
  function save(name: string, filters: QueueFilters): SavedView | null {
    const trimmed = name.trim().slice(0, SAVED_VIEW_NAME_MAX)
    if (!trimmed) return null
    const exists = custom.value.some((v) => v.name === trimmed)
    if (!exists && custom.value.length >= SAVED_VIEWS_MAX) {
      error.value = { kind: 'full', message: '' }
      return null
    }
    let id = ''
    do id = `custom-${Date.now().toString(36)}-${idCounter++}`
    while (custom.value.some((v) => v.id === id))
    change({ kind: 'save', view: { id, name: trimmed, builtIn: false, filters: clone(filters) } })
    if (error.value?.kind === 'full') error.value = null
    return custom.value.find((v) => v.name === trimmed) ?? null
  }

  function remove(id: string): void {
    if (error.value?.kind === 'full') error.value = null
    change({ kind: 'remove', id })
  }

  /** The view whose filters are exactly the current ones, if any. */
  function matching(filters: QueueFilters): SavedView | null {
    return all().find((v) => sameFilters(v.filters, filters)) ?? null
  }

  /** Resolves when main's list is in and every change so far has been sent (tests, callers that must know). */
  async function settled(): Promise<void> {
    let last: Promise<void>
    do {
      last = writes
      await loading
      await last
    } while (last !== writes)
  }

  void load()

  return { custom, error, all, save, remove, matching, settled }
})

export { OPEN_STATUSES }
