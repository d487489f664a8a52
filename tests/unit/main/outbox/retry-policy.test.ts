import { describe, expect, it } from 'vitest'
import { backoffMs, classifySmtpError, DEFAULT_RETRY_POLICY } from '../../../../src/main/outbox/retry-policy'
import { normaliseMessageId, replyMessageId } from '../../../../src/main/outbox/message'

describe('the retry policy', () => {
  it('waits 30 s, 1 min, 2 min … capped at 1 h, with jitter between half and all of the step', () => {
    const p = DEFAULT_RETRY_POLICY
    expect([1, 2, 3, 4].map((t) => backoffMs(t, p, () => 1))).toEqual([30_000, 60_000, 120_000, 240_000])
    expect(backoffMs(1, p, () => 0)).toBe(15_000)
    expect(backoffMs(20, p, () => 1)).toBe(3_600_000)
    expect(backoffMs(20, p, () => 0)).toBe(1_800_000)
  })

  it('retries 4xx and connection errors, fails 5xx at once, and keeps the server’s words', () => {
    expect(classifySmtpError({ responseCode: 451, response: '451 4.7.1 Greylisted' })).toEqual({ kind: 'retry', code: 451, answer: '451 4.7.1 Greylisted' })
    expect(classifySmtpError({ responseCode: 552, response: '552 5.2.2 Mailbox full' })).toEqual({ kind: 'fail', code: 552, answer: '552 5.2.2 Mailbox full' })
    expect(classifySmtpError({ responseCode: 535, response: '535 Authentication failed' }).kind).toBe('fail')
    expect(classifySmtpError({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25' })).toEqual({ kind: 'retry', code: null, answer: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:25' })
    expect(classifySmtpError(new Error('Greeting never received')).kind).toBe('retry')
  })
})

describe('Message-IDs', () => {
  it('are fixed per reply and keep case ids and desks apart', () => {
    expect(replyMessageId(12, 'BN-2025-000123', 'a1b2c3d4e5f6')).toBe('<reply-12-BN-2025-000123.a1b2c3d4e5f6@kyc-desk.local>')
    expect(replyMessageId(12, 'BN 2025/1<x>', 'a1')).toBe('<reply-12-BN-2025-1-x-.a1@kyc-desk.local>')
    expect(normaliseMessageId('abc@host')).toBe('<abc@host>')
    expect(normaliseMessageId('<abc@host>')).toBe('<abc@host>')
    expect(normaliseMessageId('not an id')).toBeNull()
  })
})
