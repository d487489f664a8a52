import { afterEach, describe, expect, it } from 'vitest'
import { simpleParser } from 'mailparser'
import { openDatabase, type Db } from '../../../../src/main/db/connection'
import { claimNextDue } from '../../../../src/main/db/queries/outbox'
import { openReplyServices, type ReplyServices } from '../../../../src/main/services/reply-handlers'
import { MemorySecretStore, SMTP_PASSWORD } from '../../../../src/main/outbox/secret-store'
import { smtpTransport } from '../../../../src/main/outbox/smtp-transport'
import { mailOptions } from '../../../../src/main/outbox/message'
import type { RetryPolicy } from '../../../../src/main/outbox/retry-policy'
import type { OutboxEntry } from '../../../../src/shared/domain/outbox'
import { QUALITY_FINDINGS, seedCase, tempDb } from '../services/reply-fixtures'
import { TestSmtpServer, waitFor } from './smtp-test-server'

const FAST: RetryPolicy = { baseMs: 20, factor: 2, capMs: 200, maxTries: 24, leaseMs: 60_000 }
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function server(credentials?: { user: string; pass: string }, port = 0): Promise<TestSmtpServer> {
  const s = await new TestSmtpServer(credentials).start(port)
  cleanups.push(() => s.stop())
  return s
}

function desk(db: Db, secrets = new MemorySecretStore(), clock?: () => Date): ReplyServices {
  const s = openReplyServices(db, { secrets, policy: FAST, pollMs: 50, clock, startSender: false })
  cleanups.push(() => s.outbox.stop())
  return s
}

async function configure(s: ReplyServices, port: number, user = ''): Promise<void> {
  await s.outbox.saveSmtp({ host: '127.0.0.1', port, security: 'none', user, fromAddress: 'kyc@desk.example', fromName: 'KYC Desk' }, 'admin')
}

function setup(locale = 'zh-CN') {
  const t = tempDb()
  cleanups.push(t.cleanup)
  const casePk = seedCase(t.db, { locale, nativeName: '林美华', email: 'lin.meihua@example.com', findings: QUALITY_FINDINGS, thread: { messageId: '<ticket-77@help.example.com>' } })
  return { ...t, casePk }
}

function queue(s: ReplyServices, casePk: number): OutboxEntry {
  return s.decisions.record({ caseId: casePk, kind: 'request_resubmission', reason: 'blurry document, dark selfie', agent: 'alex', reply: { templateKey: 'request_resubmission' } }).outbox!
}

const state = (s: ReplyServices, id: number) => s.outbox.get(id)

describe('delivery through a real SMTP server', () => {
  it('delivers to the right recipient with the subject, the UTF-8 Chinese body, the Message-ID and In-Reply-To', async () => {
    const smtp = await server({ user: 'desk', pass: 's3cret-密码' })
    const { db, casePk } = setup()
    const secrets = new MemorySecretStore()
    await secrets.set(SMTP_PASSWORD, 's3cret-密码')
    const s = desk(db, secrets)
    await configure(s, smtp.port, 'desk')
    const entry = queue(s, casePk)
    s.outbox.start()
    await waitFor(() => state(s, entry.id).state === 'sent')
    expect(smtp.received).toHaveLength(1)
    const { mail, envelopeTo, user } = smtp.received[0]
    expect(user).toBe('desk')
    expect(envelopeTo).toEqual(['lin.meihua@example.com'])
    expect(mail.to).toMatchObject({ value: [{ address: 'lin.meihua@example.com' }] })
    expect(mail.from).toMatchObject({ value: [{ address: 'kyc@desk.example', name: 'KYC Desk' }] })
    expect(mail.subject).toBe('您的身份认证（BN-2025-000123）：重新提交前需要调整的地方')
    expect(mail.text).toContain('林美华，您好')
    expect(mail.text).toContain('请在白天面向窗户自拍，让脸部光线均匀。')
    expect(mail.messageId).toBe(entry.messageId)
    expect(mail.inReplyTo).toBe('<ticket-77@help.example.com>')
    expect(mail.headers.get('x-kyc-case')).toBe('BN-2025-000123')
    expect(state(s, entry.id)).toMatchObject({ state: 'sent', tries: 1, lastCode: 250, lastError: null })
    expect(s.audit.list({ caseId: casePk, action: 'reply.sent' }).events).toEqual([expect.objectContaining({ agent: 'system:outbox', detail: expect.objectContaining({ messageId: entry.messageId }) })])
  })

  it('retries 451 twice and then delivers exactly once', async () => {
    const smtp = await server()
    smtp.script.push(451, 451)
    const { db, casePk } = setup('en')
    const s = desk(db)
    await configure(s, smtp.port)
    const entry = queue(s, casePk)
    s.outbox.start()
    await waitFor(() => state(s, entry.id).state === 'sent')
    await new Promise((r) => setTimeout(r, 300)) // room for a duplicate to show up, were there one
    expect(smtp.attempts).toBe(3)
    expect(smtp.received).toHaveLength(1)
    expect(state(s, entry.id)).toMatchObject({ state: 'sent', tries: 3 })
    const retries = s.audit.list({ action: 'reply.retrying' }).events
    expect(retries.map((e) => e.detail.code)).toEqual([451, 451])
    expect(retries[0].detail.answer).toMatch(/451 Requested action aborted/)
  })

  it('marks a 552 failed at once with the server’s answer; retry by hand sends it', async () => {
    const smtp = await server()
    smtp.script.push(552)
    const { db, casePk } = setup('en')
    const s = desk(db)
    await configure(s, smtp.port)
    const entry = queue(s, casePk)
    s.outbox.start()
    const failed = await waitFor(() => (state(s, entry.id).state === 'failed' ? state(s, entry.id) : null))
    expect(failed).toMatchObject({ tries: 1, lastCode: 552, lastError: expect.stringContaining('552 Mailbox full: message rejected') })
    expect(smtp.received).toHaveLength(0)
    expect(s.outbox.list({ states: ['failed'] })).toMatchObject({ total: 1, countsByState: { failed: 1 }, sender: { configured: true, running: true } })
    s.outbox.retry(entry.id, 'alex')
    await waitFor(() => state(s, entry.id).state === 'sent')
    expect(smtp.received).toHaveLength(1)
  })

  it('keeps a reply while the server is down and delivers it once when the server comes back', async () => {
    const probe = await new TestSmtpServer().start()
    const port = probe.port
    await probe.stop()
    const { db, casePk } = setup('en')
    const s = desk(db)
    await configure(s, port)
    const entry = queue(s, casePk)
    s.outbox.start()
    const waiting = await waitFor(() => (state(s, entry.id).tries >= 2 ? state(s, entry.id) : null))
    expect(['retrying', 'sending']).toContain(waiting.state)
    expect(s.outbox.list({ caseId: casePk }).entries[0].lastError).toMatch(/ECONNREFUSED/)
    const smtp = await server(undefined, port)
    await waitFor(() => state(s, entry.id).state === 'sent')
    expect(smtp.received).toHaveLength(1)
    expect(smtp.received[0].mail.messageId).toBe(entry.messageId)
  })

  it('after the app is killed mid-send, a fresh start delivers the reply once', async () => {
    const smtp = await server()
    const { db, file, key, casePk } = setup('en')
    const first = desk(db)
    await configure(first, smtp.port)
    const entry = queue(first, casePk)
    // The killed sender had claimed the row (state sending, lease running) and never finished.
    claimNextDue(db, new Date().toISOString(), new Date(Date.now() + FAST.leaseMs).toISOString())
    expect(state(first, entry.id).state).toBe('sending')
    // Restart: a new connection and new services over the same file, once the lease has run out.
    const db2 = openDatabase(file, key)
    cleanups.push(() => { db2.close() })
    const later = () => new Date(Date.now() + FAST.leaseMs + 1000)
    const second = desk(db2, new MemorySecretStore(), later)
    second.outbox.start()
    await waitFor(() => state(second, entry.id).state === 'sent')
    await new Promise((r) => setTimeout(r, 300))
    expect(smtp.received).toHaveLength(1)
    expect(state(second, entry.id)).toMatchObject({ state: 'sent', tries: 2 })
    expect(second.audit.list({ caseId: casePk, action: 'reply.retrying' }).events[0].detail.answer).toBe('interrupted while sending')
  })

  it('when the server had already accepted it before the crash, the resend carries the same Message-ID (receiver can dedupe)', async () => {
    const smtp = await server()
    const { db, file, key, casePk } = setup('en')
    const first = desk(db)
    await configure(first, smtp.port)
    const entry = queue(first, casePk)
    const claimed = claimNextDue(db, new Date().toISOString(), new Date(Date.now() + FAST.leaseMs).toISOString())!
    // The server says 250, then the app dies before writing "sent": the at-least-once window.
    const transport = smtpTransport(first.outbox.smtpSettings()!, null)
    await transport.send(mailOptions(claimed, first.outbox.smtpSettings()!))
    transport.close()
    const db2 = openDatabase(file, key)
    cleanups.push(() => { db2.close() })
    const second = desk(db2, new MemorySecretStore(), () => new Date(Date.now() + FAST.leaseMs + 1000))
    second.outbox.start()
    await waitFor(() => state(second, entry.id).state === 'sent')
    expect(smtp.received.map((r) => r.mail.messageId)).toEqual([entry.messageId, entry.messageId])
  })
})

describe('outbox actions', () => {
  it('waits while SMTP is not configured; a cancelled reply is never sent; copy and .eml give the reply', async () => {
    const { db, casePk } = setup('zh-CN')
    const s = desk(db)
    s.outbox.start()
    const entry = queue(s, casePk)
    const other = queue(s, casePk)
    await new Promise((r) => setTimeout(r, 150))
    expect(state(s, entry.id)).toMatchObject({ state: 'queued', tries: 0 })
    expect(s.outbox.list({}).sender).toEqual({ configured: false, running: true })
    s.outbox.cancel(entry.id, 'answered by phone', 'alex')
    expect(() => s.outbox.cancel(entry.id, undefined)).toThrow(/cancelled and cannot be cancelled/)

    const text = s.outbox.text(other.id, 'alex')
    expect(text).toMatchObject({ to: 'lin.meihua@example.com', subject: expect.stringContaining('您的身份认证'), messageId: other.messageId })
    const { fileName, content } = await s.outbox.eml(other.id, 'alex')
    expect(fileName).toBe(`reply-${other.id}-BN-2025-000123.eml`)
    expect([...content].every((ch) => ch.charCodeAt(0) < 128)).toBe(true)
    const parsed = await simpleParser(Buffer.from(content, 'latin1'))
    expect(parsed.subject).toBe(other.subject)
    expect(parsed.text).toContain('林美华，您好')
    expect(parsed.messageId).toBe(other.messageId)
    expect(parsed.inReplyTo).toBe(entry.messageId)
    expect(s.audit.list({ caseId: casePk }).events.map((e) => e.action).slice(0, 3)).toEqual(['reply.eml_exported', 'reply.copied', 'reply.cancelled'])

    const smtp = await server()
    await configure(s, smtp.port)
    await waitFor(() => state(s, other.id).state === 'sent')
    expect(smtp.received.map((r) => r.mail.messageId)).toEqual([other.messageId])
    expect(state(s, entry.id).state).toBe('cancelled')
  })
})
