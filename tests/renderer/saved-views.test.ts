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
    // The order the causes were picked in does not matter.
    expect(views.matching({ ...defaultFilters(), causes: ['FACE_CAPTURE_FAILED', 'FACE_MISMATCH'] })?.id).toBe('faceIssues')
    expect(views.matching({ ...defaultFilters(), causes: ['FACE_MISMATCH'] })).toBeNull()
    expect(views.matching({ ...defaultFilters(), assignee: 'me' })?.id).toBe('myOpen')
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

  it('reads a view saved with the one-cause filter of earlier versions', () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify([{ id: 'old', name: 'Old faces', filters: { ...defaultFilters(), causes: undefined, cause: 'FACE_MISMATCH' } }]))
    const views = useSavedViewsStore()
    expect(views.custom[0].filters.causes).toEqual(['FACE_MISMATCH'])
    expect('cause' in views.custom[0].filters).toBe(false)
  })

  it('ignores a damaged entry instead of failing', () => {
    localStorage.setItem(STORAGE_KEY, '{not json')
    expect(useSavedViewsStore().custom).toEqual([])
  })
})
