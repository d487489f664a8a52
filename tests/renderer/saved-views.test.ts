import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { BUILT_IN_VIEWS, STORAGE_KEY, useSavedViewsStore } from '../../src/renderer/src/stores/saved-views'
import { defaultFilters } from '../../src/renderer/src/stores/queue'

describe('saved views', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('knows the built-in views and recognises the current filters as one', () => {
    const views = useSavedViewsStore()
    expect(views.matching(defaultFilters())?.id).toBe('open')
    expect(views.matching({ ...defaultFilters(), cause: 'FACE_MISMATCH' })?.id).toBe('faceIssues')
    expect(views.matching({ ...defaultFilters(), country: 'XYZ' })).toBeNull()
    expect(BUILT_IN_VIEWS.every((v) => v.nameKey)).toBe(true)
  })

  it('keeps a saved view in localStorage across restarts, and deletes it', async () => {
    const views = useSavedViewsStore()
    const saved = views.save('  Germany, old  ', { ...defaultFilters(), country: 'DEU', olderThanHours: 72 })
    await nextTick()
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).toHaveLength(1)

    setActivePinia(createPinia())
    const again = useSavedViewsStore()
    expect(again.custom.map((v) => v.name)).toEqual(['Germany, old'])
    expect(again.matching({ ...defaultFilters(), country: 'deu', olderThanHours: 72 })?.id).toBe(saved.id)
    again.remove(saved.id)
    await nextTick()
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).toEqual([])
  })

  it('saving under an existing name replaces that view', () => {
    const views = useSavedViewsStore()
    views.save('Mine', defaultFilters())
    views.save('Mine', { ...defaultFilters(), minAttempt: 3 })
    expect(views.custom).toHaveLength(1)
    expect(views.custom[0].filters.minAttempt).toBe(3)
  })

  it('ignores a damaged entry instead of failing', () => {
    localStorage.setItem(STORAGE_KEY, '{not json')
    expect(useSavedViewsStore().custom).toEqual([])
  })
})
