import { describe, expect, it } from 'vitest'
import { listAuditEvents } from '../../../../src/main/db/queries/audit'
import { CasesService } from '../../../../src/main/services/cases-service'
import { PrivacyService } from '../../../../src/main/services/privacy-service'
import { RetentionService } from '../../../../src/main/services/retention-service'
import { finding, seedCase } from '../services/reply-fixtures'
import { attachFiles, decide, desksClosedAfterEach } from './desk-fixture'

const NOW = new Date('2026-11-28T12:00:00.000Z')
const newDesk = desksClosedAfterEach(NOW)

async function desk() {
  const d = newDesk()
  const mismatch = {
    ...finding('IDENTITY_DATA_MISMATCH', 'DOCUMENT_NUMBER', 'blocker', ['CHECK_DOCUMENT_NUMBER']),
    evidence: { field: 'documentNumber', typed: '000000000', document: 'E12345678', kind: 'different' },
    explanation: { en: 'The document number is typed as “000000000” but the MRZ says “E12345678”.', 'zh-CN': '客户填写的证件号码为“000000000”，而机读区上为“E12345678”。' },
  }
  const casePk = seedCase(d.db, {
    caseId: 'BN-9', dateOfBirth: '1976-01-01', findings: [mismatch],
    documentFields: { lastName: 'LIN', firstName: 'MEI HUA', documentNumber: 'E12345678', dateOfBirth: '1976-01-02' },
  })
  const shas = await attachFiles(d.db, d.store, casePk, [{ name: 'id_front.jpg', role: 'document', original: 'front-bytes', preview: 'front-preview', crop: 'front-face' }])
  const cases = new CasesService(d.db, d.audit, d.clock)
  const privacy = new PrivacyService(d.db, cases, d.audit, d.store, 2, d.clock)
  const events = (action: string) => listAuditEvents(d.db, { action }, 100, 0).events
  return { ...d, casePk, shas, cases, privacy, events }
}

describe('masking in main until an audited reveal', () => {
  it('cases:get comes masked, with how the masked fields compare', async () => {
    const d = await desk()
    const detail = d.privacy.getCase(d.casePk)
    expect(detail.masked).toBe(true)
    const json = JSON.stringify(detail)
    for (const clear of ['000000000', 'E12345678', '1976-01-01', '1976-01-02', '1 January 1976', '2 January 1976']) expect(json, clear).not.toContain(clear)
    const a = detail.attempts[0]
    expect((a.bundle.form as Record<string, string>).documentNumber).toBe('00••••00')
    expect(a.documentData?.fields.dateOfBirth).toBe('19••-••-02')
    expect(a.findings[0].explanation.en).toBe('The document number is typed as “00••••00” but the MRZ says “E1••••78”.')
    expect(a.maskedFields).toEqual([
      { field: 'documentNumber', verdict: 'differs', kind: 'different', differingParts: [], editCount: 9 },
      { field: 'dateOfBirth', verdict: 'differs', kind: 'off-by-one-day', differingParts: ['day'], editCount: null },
    ])
    // Names are not masked; the row is as before.
    expect(detail.row.customerName).toBe('MEI-HUA LIN')
    expect(d.events('case.revealed')).toHaveLength(0)
  })

  it('a reveal returns the clear values, is audited with who/when/which case, and lasts until concealed', async () => {
    const d = await desk()
    const clear = d.privacy.reveal(d.casePk, 'Agent Smith')
    expect(clear.masked).toBe(false)
    expect((clear.attempts[0].bundle.form as Record<string, string>).documentNumber).toBe('000000000')
    const [event] = d.events('case.revealed')
    expect(event).toMatchObject({ agent: 'Agent Smith', caseId: d.casePk, casePlatformId: 'BN-9', at: NOW.toISOString() })
    expect(d.privacy.getCase(d.casePk).masked).toBe(false)
    expect(d.privacy.maskForCase(d.casePk, { body: 'number 000000000' })).toEqual({ body: 'number 000000000' })
    d.privacy.conceal(d.casePk)
    expect(d.privacy.getCase(d.casePk).masked).toBe(true)
  })

  it('other outputs about the case (reply preview, fields to correct) are masked the same way', async () => {
    const d = await desk()
    const preview = { subject: 'Case BN-9', body: 'You typed 000000000; your passport says E12345678. Date of birth: 1976-01-01.' }
    expect(d.privacy.maskForCase(d.casePk, preview)).toEqual({ subject: 'Case BN-9', body: 'You typed 00••••00; your passport says E1••••78. Date of birth: 19••-••-01.' })
  })

  it('locking ends every reveal; lock and unlock are audited', async () => {
    const d = await desk()
    d.privacy.reveal(d.casePk)
    d.privacy.lock('idle', 5)
    expect(d.privacy.isRevealed(d.casePk)).toBe(false)
    expect(d.privacy.getCase(d.casePk).masked).toBe(true)
    d.privacy.unlock()
    expect(d.events('session.locked')[0].detail).toEqual({ reason: 'idle', idleMinutes: 5, concealedCases: 1 })
    expect(d.events('session.unlocked')[0].detail).toEqual({ lockedSeconds: 0 })
  })
})

describe('image exports', () => {
  it('hand out the bytes with the watermark text, audited first', async () => {
    const d = await desk()
    const out = await d.privacy.exportImage(d.casePk, d.shas['front-preview'], 'save', 'Agent Smith')
    expect(Buffer.from(out.base64, 'base64').toString()).toBe('front-preview')
    expect(out.watermark).toEqual({ agent: 'Agent Smith', at: NOW.toISOString(), caseId: 'BN-9' })
    expect(d.events('case.image_exported')[0]).toMatchObject({ agent: 'Agent Smith', caseId: d.casePk, detail: { kind: 'save', file: 'id_front.jpg' } })
    // A face crop is one of the case's images too.
    await expect(d.privacy.exportImage(d.casePk, d.shas['front-face'], 'copy')).resolves.toMatchObject({ mime: 'image/jpeg' })
  })

  it('refuse an image of another case, and one deleted under the retention policy', async () => {
    const d = await desk()
    const other = seedCase(d.db, { caseId: 'BN-10' })
    const otherShas = await attachFiles(d.db, d.store, other, [{ name: 'x.jpg', role: 'document', original: 'other-bytes' }])
    await expect(d.privacy.exportImage(d.casePk, otherShas['other-bytes'], 'copy')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    decide(d.db, d.casePk, 'reject_final', '2026-01-01T00:00:00.000Z')
    new RetentionService(d.db, d.store, d.policy, d.audit, d.clock).run()
    await expect(d.privacy.exportImage(d.casePk, d.shas['front-bytes'], 'save')).rejects.toThrow(/deleted on 2026-11-28 under the retention policy/)
    expect(d.events('case.image_exported')).toHaveLength(0)
  })
})

describe('the desk policy', () => {
  it('has defaults with reasons, bounds, and audited changes', async () => {
    const d = await desk()
    const view = d.policy.view()
    expect(view.idleLockMinutes).toMatchObject({ value: 5, default: 5, unit: 'minutes', min: 0 })
    expect(view.retentionDays).toMatchObject({ value: 90, default: 90, unit: 'days' })
    expect(view.retentionDays.why.length).toBeGreaterThan(40)
    expect(() => d.policy.save({ retentionDays: 100_000 })).toThrow(/retentionDays must be a whole number of days from 0 to 3650/)
    expect(d.policy.save({ idleLockMinutes: 2 }, 'Agent Smith').idleLockMinutes.value).toBe(2)
    expect(d.events('settings.policy_changed')[0]).toMatchObject({ agent: 'Agent Smith', detail: { key: 'idleLockMinutes', from: 5, to: 2 } })
  })
})
