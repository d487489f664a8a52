import { afterEach, describe, expect, it } from 'vitest'
import { openReplyServices, type ReplyServices } from '../../../../src/main/services/reply-handlers'
import { MemorySecretStore } from '../../../../src/main/outbox/secret-store'
import { getCaseRecord } from '../../../../src/main/db/queries/cases'
import { csvCell } from '../../../../src/main/services/audit-service'
import type { Db } from '../../../../src/main/db/connection'
import { QUALITY_FINDINGS, SECURITY_FINDINGS, finding, seedCase, tempDb } from './reply-fixtures'

let cleanup: (() => void) | undefined
afterEach(() => cleanup?.())

const clock = () => new Date('2025-02-07T12:00:00.000Z')

function open(): { db: Db; s: ReplyServices } {
  const t = tempDb()
  cleanup = t.cleanup
  return { db: t.db, s: openReplyServices(t.db, { startSender: false, secrets: new MemorySecretStore(), clock }) }
}

const count = (db: Db, table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n

describe('composing a reply for a case', () => {
  it('pre-selects the remedies and previews the resubmission reply in the case’s language and in another', () => {
    const { db, s } = open()
    const id = seedCase(db, { locale: 'zh-CN', nativeName: '林美华', findings: QUALITY_FINDINGS })
    expect(s.remedies.forCase(id)).toMatchObject({
      customer: ['RETAKE_DOCUMENT_PHOTO', 'SELFIE_IN_DAYLIGHT', 'RETAKE_SELFIE', 'UPDATE_BROWSER', 'TRY_ANOTHER_BROWSER'],
      internal: [], restriction: { restricted: false },
    })
    const zh = s.templates.compose(id, { templateKey: 'request_resubmission', agent: '王小明' }).preview
    expect(zh).toMatchObject({ locale: 'zh-CN', fallbackFrom: null, to: 'lin.meihua@example.com', sendable: true, blocked: null })
    expect(zh.body).toContain('林美华，您好')
    expect(zh.body).toContain('1. 请重新拍摄证件照片')
    expect(zh.body).toContain('2025年2月21日')
    const de = s.templates.compose(id, { templateKey: 'request_resubmission', locale: 'de', remedies: ['RETAKE_SELFIE', 'ESCALATE_TO_COMPLIANCE'] }).preview
    expect(de).toMatchObject({ locale: 'en', fallbackFrom: 'de', remedies: ['RETAKE_SELFIE'], sendable: true })
    expect(de.issues).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('ESCALATE_TO_COMPLIANCE is internal-only') })])
    expect(de.body).not.toContain('ESCALATE')
  })

  it('refuses a resubmission with no remedy', () => {
    const { db, s } = open()
    const id = seedCase(db, { findings: QUALITY_FINDINGS })
    const p = s.templates.compose(id, { templateKey: 'request_resubmission', remedies: [] }).preview
    expect(p.sendable).toBe(false)
    expect(p.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'EMPTY_REMEDIES' })]))
  })
})

describe('decisions', () => {
  it('records a resubmission request with its reply in one go: decision, status, outbox row, audit', () => {
    const { db, s } = open()
    const id = seedCase(db, { findings: QUALITY_FINDINGS })
    const r = s.decisions.record({ caseId: id, kind: 'request_resubmission', reason: 'Blurry document, dark selfie', agent: 'alex', reply: { templateKey: 'request_resubmission' } })
    expect(r.caseStatus).toBe('awaiting_customer')
    expect(getCaseRecord(db, id)!.status).toBe('awaiting_customer')
    expect(r.decision).toMatchObject({ kind: 'request_resubmission', agent: 'alex', reason: 'Blurry document, dark selfie', decidedAt: '2025-02-07T12:00:00.000Z', remedies: ['RETAKE_DOCUMENT_PHOTO', 'SELFIE_IN_DAYLIGHT', 'RETAKE_SELFIE', 'UPDATE_BROWSER', 'TRY_ANOTHER_BROWSER'] })
    expect(r.outbox).toMatchObject({ state: 'queued', decisionId: r.decision.id, templateKey: 'request_resubmission', to: 'lin.meihua@example.com', inReplyTo: null })
    expect(r.outbox!.messageId).toMatch(new RegExp(`^<reply-${r.outbox!.id}-BN-2025-000123\\.[0-9a-f]{12}@kyc-desk\\.local>$`))
    expect(s.decisions.list(id).decisions).toEqual([expect.objectContaining({ id: r.decision.id, outboxId: r.outbox!.id, attempt: 2 })])
    expect(s.audit.list({ caseId: id }).events.map((e) => e.action)).toEqual(['reply.queued', 'decision.recorded'])
    expect(s.templates.get('request_resubmission').usage).toBe(1)
  })

  it('threads a second reply onto the first and onto the platform’s thread id from the bundle', () => {
    const { db, s } = open()
    const id = seedCase(db, { findings: QUALITY_FINDINGS, thread: { messageId: 'ticket-77@help.example.com' } })
    const first = s.decisions.record({ caseId: id, kind: 'request_resubmission', reason: 'first', reply: { templateKey: 'request_resubmission' } }).outbox!
    expect(first.inReplyTo).toBe('<ticket-77@help.example.com>')
    const second = s.decisions.record({ caseId: id, kind: 'approve_override', reason: 'looks fine now', reply: { templateKey: 'approve' } }).outbox!
    expect(second.inReplyTo).toBe(first.messageId)
    expect(second.references).toEqual(['<ticket-77@help.example.com>', first.messageId])
  })

  it('rolls the decision back when the reply cannot be written, and the reply back when the decision cannot', () => {
    const { db, s } = open()
    const id = seedCase(db, { findings: QUALITY_FINDINGS })
    db.exec("CREATE TEMP TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END")
    expect(() => s.decisions.record({ caseId: id, kind: 'request_resubmission', reason: 'x1x', reply: { templateKey: 'request_resubmission' } })).toThrow(/disk full/)
    expect([count(db, 'decisions'), count(db, 'outbox')]).toEqual([0, 0])
    expect(s.audit.list({ caseId: id }).events).toEqual([])
    expect(getCaseRecord(db, id)!.status).toBe('new')
    db.exec('DROP TRIGGER temp.fail_outbox')
    db.exec("CREATE TEMP TRIGGER fail_decision BEFORE INSERT ON decisions BEGIN SELECT RAISE(ABORT, 'constraint (simulated)'); END")
    expect(() => s.decisions.record({ caseId: id, kind: 'request_resubmission', reason: 'x2x', reply: { templateKey: 'request_resubmission' } })).toThrow(/simulated/)
    expect([count(db, 'decisions'), count(db, 'outbox')]).toEqual([0, 0])
    db.exec('DROP TRIGGER temp.fail_decision')
    s.decisions.record({ caseId: id, kind: 'request_resubmission', reason: 'x3x', reply: { templateKey: 'request_resubmission' } })
    expect([count(db, 'decisions'), count(db, 'outbox')]).toEqual([1, 1])
  })

  it('sends a case with a security finding down the escalation path and never lets a reply mention it', () => {
    const { db, s } = open()
    const id = seedCase(db, { findings: SECURITY_FINDINGS })
    const remedies = s.remedies.forCase(id)
    expect(remedies.restriction.restricted).toBe(true)
    expect(remedies.internal).toEqual(['SECURE_ACCOUNT', 'CHANGE_PASSWORD', 'ENABLE_TWO_FACTOR', 'ESCALATE_TO_COMPLIANCE'])
    expect(remedies.customer).not.toContain('CHANGE_PASSWORD')
    expect(() => s.decisions.record({ caseId: id, kind: 'request_resubmission', reason: 'retake', reply: { templateKey: 'request_resubmission' } })).toThrow(/Escalate it/)
    expect(() => s.decisions.record({ caseId: id, kind: 'approve_override', reason: 'fine' })).toThrow(/escalate it first/)
    // An edited holding reply that gives the reason away is blocked, nothing is written, the block is audited.
    expect(() => s.decisions.record({
      caseId: id, kind: 'escalate', reason: 'impossible travel',
      reply: { templateKey: 'escalation_holding_reply', body: 'We saw suspicious logins on your account. Please change your password.' },
    })).toThrow(/Blocked: the reply mentions “suspicious”, “password”/)
    expect([count(db, 'decisions'), count(db, 'outbox')]).toEqual([0, 0])
    expect(s.audit.list({ caseId: id }).events.map((e) => e.action)).toEqual(['reply.blocked'])
    const ok = s.decisions.record({ caseId: id, kind: 'escalate', reason: 'impossible travel', reply: { templateKey: 'escalation_holding_reply' } })
    expect(ok).toMatchObject({ caseStatus: 'escalated', outbox: { state: 'queued' } })
    // Once escalated, compliance's answer can be recorded.
    expect(s.decisions.record({ caseId: id, kind: 'reject_final', reason: 'confirmed takeover', reply: { templateKey: 'reject_final' } }).caseStatus).toBe('rejected')
  })

  it('checks that the template fits the decision', () => {
    const { db, s } = open()
    const id = seedCase(db, { findings: QUALITY_FINDINGS })
    expect(() => s.decisions.record({ caseId: id, kind: 'approve_override', reason: 'ok', reply: { templateKey: 'reject_final' } })).toThrow(/cannot be sent with a approve_override/)
    expect(s.decisions.queueReply(id, { templateKey: 'wait_for_review' }).state).toBe('queued')
    expect(() => s.decisions.queueReply(id, { templateKey: 'approve' })).toThrow(/without a decision/)
  })
})

describe('templates', () => {
  it('seeds the bundled templates once, and supports create, edit, duplicate and delete with audit', () => {
    const { db, s } = open()
    expect(s.templates.list().templates.map((t) => t.key)).toEqual(['approve', 'escalation_holding_reply', 'reject_final', 'request_resubmission', 'wait_for_review'])
    const variants = [
      { locale: 'en', subject: 'Case {{ case_id }}', body: 'Hello {{ customer_name }}\n{% for remedy in remedies %}- {{ remedy.text }}\n{% endfor %}' },
      { locale: 'zh-CN', subject: '案件 {{ case_id }}', body: '{{ customer_name }}，您好\n{% for remedy in remedies %}- {{ remedy.text }}\n{% endfor %}' },
    ]
    const created = s.templates.save('create', { key: 'short_resubmission', purpose: 'request_resubmission', description: 'short', variants }, 'alex')
    expect(created).toMatchObject({ key: 'short_resubmission', usage: 0, issues: [] })
    expect(() => s.templates.save('create', { key: 'short_resubmission', purpose: 'request_resubmission', variants })).toThrow(/already exists/)
    expect(() => s.templates.save('update', { key: 'short_resubmission', purpose: 'request_resubmission', variants: [{ ...variants[0], body: '{{ nope }}' }] })).toThrow(/Unknown variable "nope"/)
    s.templates.save('update', { key: 'short_resubmission', purpose: 'request_resubmission', variants: [variants[0], { ...variants[1], subject: '新 {{ case_id }}' }] }, 'alex')
    expect(s.templates.get('short_resubmission').variants[1].subject).toBe('新 {{ case_id }}')
    expect(s.templates.duplicate('short_resubmission', undefined, 'alex').key).toBe('short_resubmission_copy')
    expect(s.templates.duplicate('short_resubmission', undefined, 'alex').key).toBe('short_resubmission_copy2')
    s.templates.delete('approve', 'alex')
    expect(() => s.templates.get('approve')).toThrow(/no template "approve"/)
    // Deleted on purpose: not re-seeded on the next start.
    const again = openReplyServices(db, { startSender: false, secrets: new MemorySecretStore(), clock })
    expect(again.templates.list().templates.map((t) => t.key)).not.toContain('approve')
    expect(s.audit.list({}).events.map((e) => e.action)).toEqual(['template.deleted', 'template.duplicated', 'template.duplicated', 'template.updated', 'template.created', 'templates.seeded'])
    const deleted = s.audit.list({ action: 'template.deleted' }).events[0]
    expect(deleted).toMatchObject({ agent: 'alex', detail: { key: 'approve', variants: expect.arrayContaining([expect.objectContaining({ locale: 'zh-CN' })]) } })
  })
})

describe('the audit log', () => {
  it('records image views with agent and time, is append-only, and exports as properly quoted CSV', () => {
    const { db, s } = open()
    const id = seedCase(db, { caseId: 'BN,"2025"\n7', findings: [finding('FACE_MISMATCH', 'LOW_SIMILARITY', 'blocker', ['RETAKE_SELFIE'])] })
    s.audit.recordImageView(id, ['id_front.jpg', 'selfie.jpg'], 'agent "Al", jr.')
    s.audit.recordImageView(id, ['=HYPERLINK("http://evil")'], 'bob')
    expect(() => s.audit.recordImageView(999, [], 'bob')).toThrow(/no case with id 999/)
    expect(() => db.prepare('UPDATE audit_events SET agent = ?').run('mallory')).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/)
    const { csv, rows, fileName } = s.audit.exportCsv({ caseId: id }, 'bob')
    expect(rows).toBe(2)
    expect(fileName).toBe('kyc-desk-audit-2025-02-07-12-00-00.csv')
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe('id,at,agent,action,case_id,case_pk,detail')
    // The line break inside the case id stays inside its quoted cell; records end with CRLF.
    expect(lines[1]).toBe(`1,2025-02-07T12:00:00.000Z,"agent ""Al"", jr.",case.images_viewed,"BN,""2025""\n7",${id},"{""files"":[""id_front.jpg"",""selfie.jpg""]}"`)
    expect(lines[2]).toBe(`2,2025-02-07T12:00:00.000Z,bob,case.images_viewed,"BN,""2025""\n7",${id},"{""files"":[""=HYPERLINK(\\""http://evil\\"")""]}"`)
    // Only a cell that starts like a formula is one; inside the JSON detail it is inert text.
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell('-1')).toBe("'-1")
    expect(csvCell('plain')).toBe('plain')
    expect(s.audit.list({ action: 'audit.exported' }).events).toHaveLength(1)
  })
})
