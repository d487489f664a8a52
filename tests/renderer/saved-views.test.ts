import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { contract } from '../../src/shared/contract'
import type { StoredSavedView } from '../../src/shared/domain/saved-views'

const call = vi.fn()
vi.mock('../../src/renderer/src/api', () => ({ call: (...args: unknown[]) => call(...args) }))

const { BUILT_IN_VIEWS, SAVED_VIEWS_MAX, STORAGE_KEY, useSavedViewsStore } = await import('../../src/renderer/src/stores/saved-views')
const { defaultFilters } = await import('../../src/renderer/src/stores/queue')

/** Main as the renderer sees it: the list in memory, input checked by the real contract schemas. */
let stored: StoredSavedView[] = []
const main = {
  failList: null as Error | null,
  failSave: null as Error | null,
  /** When set, views:save waits for this before answering. */
  gate: null as Promise<void> | null,
}
function fakeMain() {
  call.mockImplementation(async (channel: string, input: unknown) => {
    if (channel === 'views:list') {
      if (main.failList) throw main.failList
      return { views: structuredClone(stored) }
    }
    if (channel === 'views:save') {
      if (main.gate) await main.gate
      if (main.failSave) throw main.failSave
      stored = contract['views:save'].input.parse(input).views
      return { views: structuredClone(stored) }
    }
    throw new Error(`unexpected channel ${channel}`)
  })
}
const restart = () => {
  setActivePinia(createPinia())
  return useSavedViewsStore()
}
const saves = () => call.mock.calls.filter((c) => c[0] === 'views:save').map((c) => (c[1] as { views: StoredSavedView[] }).views)

describe('saved views', () => {
  beforeEach(() => {
    localStorage.clear()
    stored = []
    main.failList = null
    main.failSave = null
    main.gate = null
    call.mockReset()
    fakeMain()
    setActivePinia(createPinia())
  })

  it('shows the built-in views at once, before main answers, and recognises the current filters as one', () => {
    call.mockImplementation(() => new Promise(() => {})) // main never answers
    const views = useSavedViewsStore()
    expect(views.all().map((v) => v.id)).toEqual(BUILT_IN_VIEWS.map((v) => v.id))
    expect(views.matching(defaultFilters())?.id).toBe('open')
    // The order the causes were picked in does not matter.
    expect(views.matching({ ...defaultFilters(), causes: ['FACE_CAPTURE_FAILED', 'FACE_MISMATCH'] })?.id).toBe('faceIssues')
    expect(views.matching({ ...defaultFilters(), causes: ['FACE_MISMATCH'] })).toBeNull()
    expect(views.matching({ ...defaultFilters(), assignee: 'me' })?.id).toBe('myOpen')
    expect(views.matching({ ...defaultFilters(), country: 'XYZ' })).toBeNull()
    expect(BUILT_IN_VIEWS.every((v) => v.nameKey)).toBe(true)
  })

  it('keeps a saved view in main across restarts, deletes it there, and writes nothing to localStorage', async () => {
    const views = useSavedViewsStore()
    await views.settled()
    const saved = views.save('  Germany, old  ', { ...defaultFilters(), country: 'DEU', olderThanHours: 72, search: 'ERIKSSON' })!
    await views.settled()
    expect(stored).toEqual([{ id: saved.id, name: 'Germany, old', filters: { ...defaultFilters(), country: 'DEU', olderThanHours: 72, search: 'ERIKSSON' } }])

    const again = restart()
    expect(again.custom).toEqual([]) // main has not answered yet
    await again.settled()
    expect(again.custom.map((v) => v.name)).toEqual(['Germany, old'])
    expect(again.matching({ ...defaultFilters(), country: 'deu', olderThanHours: 72, search: 'ERIKSSON' })?.id).toBe(saved.id)
    again.remove(saved.id)
    await again.settled()
    expect(stored).toEqual([])
    expect(localStorage.length).toBe(0)
  })

  it('saving under an existing name replaces that view', async () => {
    const views = useSavedViewsStore()
    await views.settled()
    views.save('Mine', defaultFilters())
    views.save('Mine', { ...defaultFilters(), minAttempt: 3 })
    expect(views.custom).toHaveLength(1)
    expect(views.custom[0].filters.minAttempt).toBe(3)
    await views.settled()
    expect(stored.map((v) => [v.name, v.filters.minAttempt])).toEqual([['Mine', 3]])
  })

  it('keeps a view saved before main answered, together with main\'s', async () => {
    stored = [{ id: 'a', name: 'From main', filters: defaultFilters() }]
    let answer!: () => void
    const answered = new Promise<void>((resolve) => (answer = resolve))
    call.mockImplementationOnce(async () => {
      await answered
      return { views: structuredClone(stored) }
    })
    const views = useSavedViewsStore()
    views.save('Early', { ...defaultFilters(), minAttempt: 2 })
    expect(views.custom.map((v) => v.name)).toEqual(['Early'])
    answer()
    await views.settled()
    expect(views.custom.map((v) => v.name)).toEqual(['From main', 'Early'])
    expect(stored.map((v) => v.name)).toEqual(['From main', 'Early'])
  })

  it('moves views left in localStorage (the one-cause format too) to main, then removes the key', async () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify([
      { id: 'old', name: 'Old faces', filters: { ...defaultFilters(), causes: undefined, cause: 'FACE_MISMATCH' } },
      { id: 'custom-1', name: 'Eriksson', filters: { ...defaultFilters(), search: 'ERIKSSON' } },
    ]))
    let release!: () => void
    main.gate = new Promise<void>((resolve) => (release = resolve))
    const views = useSavedViewsStore()
    // Shown at once from localStorage, while main is asked.
    expect(views.custom.map((v) => v.name)).toEqual(['Old faces', 'Eriksson'])
    await vi.waitFor(() => expect(saves()).toHaveLength(1))
    // Not confirmed yet: the key is still there.
    expect(localStorage.getItem(STORAGE_KEY)).not.toBeNull()
    release()
    await views.settled()

    expect(localStorage.getItem(STORAGE_KEY)).toBeNull()
    expect(stored.map((v) => v.name)).toEqual(['Old faces', 'Eriksson'])
    expect(stored[0].filters.causes).toEqual(['FACE_MISMATCH'])
    expect('cause' in stored[0].filters).toBe(false)
    expect(views.custom.map((v) => v.name)).toEqual(['Old faces', 'Eriksson'])
    expect(views.error).toBeNull()

    // Once only: the next start just lists.
    call.mockClear()
    await restart().settled()
    expect(call.mock.calls.map((c) => c[0])).toEqual(['views:list'])
  })

  it('adds the old views after the ones main already has; a name main has wins', async () => {
    stored = [{ id: 'm1', name: 'Eriksson', filters: { ...defaultFilters(), search: 'main' } }]
    localStorage.setItem(STORAGE_KEY, JSON.stringify([
      { id: 'l1', name: 'Eriksson', filters: { ...defaultFilters(), search: 'local' } },
      { id: 'l2', name: 'Germany', filters: { ...defaultFilters(), country: 'DEU' } },
    ]))
    await useSavedViewsStore().settled()
    expect(stored.map((v) => [v.id, v.name, v.filters.search])).toEqual([['m1', 'Eriksson', 'main'], ['l2', 'Germany', '']])
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull()
  })

  it('keeps the key when main refuses or cannot be reached, still shows the views, and tries again next time', async () => {
    const legacy = JSON.stringify([{ id: 'old', name: 'Old faces', filters: { ...defaultFilters(), cause: 'FACE_MISMATCH' } }])
    localStorage.setItem(STORAGE_KEY, legacy)

    main.failSave = new Error('Invalid input for views:save: …')
    const views = useSavedViewsStore()
    await views.settled()
    expect(localStorage.getItem(STORAGE_KEY)).toBe(legacy)
    expect(views.custom.map((v) => v.name)).toEqual(['Old faces'])
    expect(views.error).toEqual({ kind: 'load', message: 'Invalid input for views:save: …' })
    expect(stored).toEqual([])

    main.failSave = null
    main.failList = new Error('The data dir is locked.')
    const locked = restart()
    await locked.settled()
    expect(localStorage.getItem(STORAGE_KEY)).toBe(legacy)
    expect(locked.custom.map((v) => v.name)).toEqual(['Old faces'])
    expect(locked.error?.kind).toBe('load')

    main.failList = null
    const working = restart()
    await working.settled()
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull()
    expect(stored.map((v) => v.name)).toEqual(['Old faces'])
    expect(working.error).toBeNull()
  })

  it('says so when saving fails, and keeps the view on screen', async () => {
    const views = useSavedViewsStore()
    await views.settled()
    main.failSave = new Error('disk full')
    views.save('Mine', defaultFilters())
    await views.settled()
    expect(views.error).toEqual({ kind: 'save', message: 'disk full' })
    expect(views.custom.map((v) => v.name)).toEqual(['Mine'])
    expect(localStorage.length).toBe(0)
  })

  it('refuses a view beyond the limit instead of sending a list main would refuse', async () => {
    stored = Array.from({ length: SAVED_VIEWS_MAX }, (_, i) => ({ id: `v${i}`, name: `View ${i}`, filters: defaultFilters() }))
    const views = useSavedViewsStore()
    await views.settled()
    call.mockClear()
    expect(views.save('One more', defaultFilters())).toBeNull()
    expect(views.error?.kind).toBe('full')
    expect(saves()).toEqual([])
    // Replacing an existing one is still allowed.
    expect(views.save('View 3', { ...defaultFilters(), minAttempt: 2 })?.filters.minAttempt).toBe(2)
    await views.settled()
    expect(views.error).toBeNull()
    expect(stored[3].filters.minAttempt).toBe(2)
  })

  it('ignores a damaged entry instead of failing, and removes it', async () => {
    localStorage.setItem(STORAGE_KEY, '{not json')
    const views = useSavedViewsStore()
    expect(views.custom).toEqual([])
    await views.settled()
    expect(views.error).toBeNull()
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull()
  })
})
