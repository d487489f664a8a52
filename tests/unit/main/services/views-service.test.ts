import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openServices, type AppServices } from '../../../../src/main/services/app-services'
import { SAVED_VIEWS_KEY } from '../../../../src/main/services/views-service'
import { putAppSetting, getAppSetting } from '../../../../src/main/db/queries/app-settings'
import type { UnlockedKeys } from '../../../../src/main/keys/data-keys'
import { SAVED_VIEWS_MAX } from '../../../../src/shared/domain/saved-views'
import { findInClear, textNeedles } from '../../../helpers/scan-data-dir'
import { freshKeys } from '../../../helpers/keys'

let services: AppServices | undefined
let dir: string | undefined
afterEach(async () => {
  await services?.close()
  services = undefined
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

function open(keys: UnlockedKeys): AppServices {
  dir ??= mkdtempSync(join(tmpdir(), 'kyc-views-'))
  services = openServices(dir, { keys, version: 'test', log: () => {}, retentionSchedule: false, workers: 1 })
  return services
}
async function reopen(keys: UnlockedKeys): Promise<AppServices> {
  await services?.close()
  services = undefined
  return open(keys)
}

const filters = (patch: Record<string, unknown> = {}) => ({
  statuses: ['new', 'pending', 'escalated'],
  causes: [],
  assignee: null,
  country: null,
  olderThanHours: null,
  minAttempt: null,
  search: '',
  sort: 'oldest',
  ...patch,
})
const eriksson = { id: 'custom-1', name: 'Eriksson L898902C3', filters: filters({ search: 'ANNA MARIA ERIKSSON L898902C3', causes: ['FACE_MISMATCH'], country: 'UTO' }) }
const germany = { id: 'custom-2', name: 'Germany, old', filters: filters({ country: 'DEU', olderThanHours: 72, minAttempt: 2, assignee: 'me', statuses: [], sort: 'newest' }) }

describe('views:list / views:save', () => {
  it('starts empty, keeps the whole list in the encrypted database across a restart, and replaces it', async () => {
    const keys = freshKeys()
    let s = open(keys)
    expect(await s.dispatch('views:list', {})).toEqual({ ok: true, value: { views: [] } })

    const saved = await s.dispatch('views:save', { views: [eriksson, { ...germany, name: '  Germany, old  ' }] })
    expect(saved).toEqual({ ok: true, value: { views: [eriksson, germany] } }) // names trimmed

    s = await reopen(keys)
    expect(await s.dispatch('views:list', {})).toEqual({ ok: true, value: { views: [eriksson, germany] } })
    // The customer's name and document number are in the database, but not readable on disk.
    expect(getAppSetting(s.db, SAVED_VIEWS_KEY)).toContain('ERIKSSON')
    await s.close()
    services = undefined
    expect(findInClear(dir!, textNeedles('saved view', ['ERIKSSON', 'L898902C3', 'Germany, old', 'kyc-desk.saved', SAVED_VIEWS_KEY]))).toEqual([])

    s = open(keys)
    // The whole list is replaced: deleting is saving the list without the view.
    expect(await s.dispatch('views:save', { views: [germany] })).toEqual({ ok: true, value: { views: [germany] } })
    expect(await s.dispatch('views:save', { views: [] })).toEqual({ ok: true, value: { views: [] } })
    expect(await s.dispatch('views:list', {})).toEqual({ ok: true, value: { views: [] } })
  })

  it.each([
    ['an empty name', [{ ...eriksson, name: '   ' }], /views\[0\]\.name|name/],
    ['a name over 80 characters', [{ ...eriksson, name: 'x'.repeat(81) }], /name/],
    ['a status that does not exist', [{ ...eriksson, filters: filters({ statuses: ['lost'] }) }], /statuses/],
    ['a search longer than the queue takes', [{ ...eriksson, filters: filters({ search: 'x'.repeat(201) }) }], /search/],
    ['a filter the queue does not know', [{ ...eriksson, filters: filters({ sql: 'DROP TABLE cases' }) }], /sql/],
    ['a missing filter', [{ id: 'a', name: 'A', filters: { statuses: [] } }], /causes/],
    ['two views with one name', [eriksson, { ...germany, name: eriksson.name }], /unique/],
    ['two views with one id', [eriksson, { ...germany, id: eriksson.id }], /unique/],
    ['more than 100 views', Array.from({ length: SAVED_VIEWS_MAX + 1 }, (_, i) => ({ id: `v${i}`, name: `View ${i}`, filters: filters() })), /100/],
    ['not a list', 'views', /views/],
  ])('refuses %s with BAD_INPUT and keeps the stored list', async (_label, views, message) => {
    const s = open(freshKeys())
    await s.dispatch('views:save', { views: [germany] })
    const r = await s.dispatch('views:save', { views })
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    if (!r.ok) {
      expect(r.error.message).toMatch(/^Invalid input for views:save/)
      expect(r.error.message).toMatch(message)
    }
    expect(await s.dispatch('views:list', {})).toEqual({ ok: true, value: { views: [germany] } })
  })

  it('refuses input to views:list', async () => {
    const s = open(freshKeys())
    expect(await s.dispatch('views:list', { all: true })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('leaves out a stored view it cannot read and keeps the rest; a damaged value reads as no views', async () => {
    const s = open(freshKeys())
    putAppSetting(s.db, SAVED_VIEWS_KEY, JSON.stringify([eriksson, { id: 'x', name: 'From a later version', filters: filters({ sort: 'risk' }) }, germany]), new Date().toISOString())
    expect(await s.dispatch('views:list', {})).toEqual({ ok: true, value: { views: [eriksson, germany] } })
    putAppSetting(s.db, SAVED_VIEWS_KEY, '{not json', new Date().toISOString())
    expect(await s.dispatch('views:list', {})).toEqual({ ok: true, value: { views: [] } })
  })
})
