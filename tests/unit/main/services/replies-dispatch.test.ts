import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openServices, type AppServices } from '../../../../src/main/services/app-services'
import { MemorySecretStore } from '../../../../src/main/outbox/secret-store'
import { QUALITY_FINDINGS, seedCase } from './reply-fixtures'
import { freshKeys } from '../../../helpers/keys'

let services: AppServices | undefined
let dir: string | undefined
afterEach(async () => {
  await services?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

function open(): AppServices {
  dir = mkdtempSync(join(tmpdir(), 'kyc-replies-dispatch-'))
  services = openServices(dir, { keys: freshKeys(), version: 'test', log: () => {}, workers: 1, replies: { secrets: new MemorySecretStore(), startSender: false } })
  return services
}

describe('the replies channels', () => {
  it('never return the SMTP password', async () => {
    const s = open()
    const saved = await s.dispatch('settings:smtp-save', { settings: { host: 'smtp.example.com', port: 587, security: 'starttls', user: 'desk', fromAddress: 'kyc@example.com' } })
    expect(saved).toMatchObject({ ok: true, value: { passwordSet: false, passwordStore: 'memory' } })
    const set = await s.dispatch('settings:smtp-password', { password: 'hunter2-very-secret' })
    expect(set).toMatchObject({ ok: true, value: { passwordSet: true } })
    const got = await s.dispatch('settings:smtp', {})
    expect(got).toMatchObject({ ok: true, value: { settings: { host: 'smtp.example.com', security: 'starttls' }, passwordSet: true } })
    for (const r of [saved, set, got]) expect(JSON.stringify(r)).not.toContain('hunter2')
    const log = await s.dispatch('audit:export-csv', {})
    expect(JSON.stringify(log)).not.toContain('hunter2')
  })

  it('previews, records a decision with its reply, and lists it in the outbox', async () => {
    const s = open()
    const id = seedCase(s.db, { locale: 'zh-CN', findings: QUALITY_FINDINGS })
    expect(await s.dispatch('remedies:for-case', { caseId: id })).toMatchObject({ ok: true, value: { customer: ['RETAKE_DOCUMENT_PHOTO', 'SELFIE_IN_DAYLIGHT', 'RETAKE_SELFIE', 'UPDATE_BROWSER', 'TRY_ANOTHER_BROWSER'] } })
    const preview = await s.dispatch('templates:preview', { caseId: id, templateKey: 'request_resubmission', locale: 'zh-CN' })
    expect(preview).toMatchObject({ ok: true, value: { locale: 'zh-CN', sendable: true } })
    const bad = await s.dispatch('decisions:record', { caseId: id, kind: 'request_resubmission', reason: '' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('reason') } })
    const r = await s.dispatch('decisions:record', { caseId: id, kind: 'request_resubmission', reason: 'blurry + dark', reply: { templateKey: 'request_resubmission' } })
    expect(r).toMatchObject({ ok: true, value: { caseStatus: 'awaiting_customer', outbox: { state: 'queued', locale: 'zh-CN' } } })
    expect(await s.dispatch('outbox:list', { caseId: id })).toMatchObject({ ok: true, value: { total: 1, sender: { configured: false } } })
    expect(await s.dispatch('cases:list', { statuses: ['awaiting_customer'] })).toMatchObject({ ok: true, value: { total: 1 } })
    expect(await s.dispatch('audit:record-view', { caseId: id, files: ['selfie.jpg'] })).toEqual({ ok: true, value: { recorded: true } })
    expect(await s.dispatch('outbox:cancel', { id: 99 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
