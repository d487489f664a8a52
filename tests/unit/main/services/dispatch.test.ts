import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openServices, type AppServices } from '../../../../src/main/services/app-services'
import { freshKeys } from '../../../helpers/keys'

let services: AppServices | undefined
let dir: string | undefined
afterEach(async () => {
  await services?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

function open(): AppServices {
  dir = mkdtempSync(join(tmpdir(), 'kyc-dispatch-'))
  services = openServices(dir, { keys: freshKeys(), version: 'test', log: () => {} })
  return services
}

describe('the contract dispatcher', () => {
  it('answers a valid call with a Result', async () => {
    const s = open()
    const r = await s.dispatch('app:info', {})
    expect(r).toMatchObject({ ok: true, value: { version: 'test', caseCount: 0 } })
    const list = await s.dispatch('cases:list', { statuses: ['new'] })
    expect(list).toMatchObject({ ok: true, value: { rows: [], total: 0 } })
  })

  it('turns malformed input into a BAD_INPUT error that names the field, never a throw', async () => {
    const s = open()
    const r = await s.dispatch('cases:list', { limit: 'lots', statuses: ['nonsense'] })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('BAD_INPUT')
      expect(r.error.message).toMatch(/limit/)
      expect(r.error.message).toMatch(/statuses/)
    }
    const extra = await s.dispatch('cases:get', { id: 1, sql: 'DROP TABLE cases' })
    expect(extra).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    const unknown = await s.dispatch('cases:drop', {})
    expect(unknown).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'Unknown channel "cases:drop".' } })
    const nothing = await s.dispatch('cases:get', null)
    expect(nothing).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('reports a missing case as NOT_FOUND', async () => {
    const s = open()
    expect(await s.dispatch('cases:get', { id: 42 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no case with id 42.' } })
  })
})
