import { describe, expect, it } from 'vitest'
import { knownPii, redactPii } from '../../../../src/main/logging/redact'

const known = knownPii(['ANNA MARIA ERIKSSON', 'MEI-HUA LIN', 'Wu Li', '林美华'], ['L898902C3', '000000000', 'E 1234-5678'])

describe('log redaction removes customer data', () => {
  it('e-mail addresses, whatever their form', () => {
    expect(redactPii('SMTP 550 for anna.eriksson@example.com: mailbox unavailable')).toBe('SMTP 550 for [email]: mailbox unavailable')
    expect(redactPii('to "O\'Brien+kyc@mail.example.co.uk"')).toBe('to "[email]"')
    expect(redactPii('<lin.meihua@例子.中国>')).not.toContain('lin.meihua')
  })

  it('MRZ lines and long pieces of them', () => {
    const line1 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<'
    const line2 = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'
    const out = redactPii(`read failed on ${line1}\n${line2}`)
    expect(out).toBe('read failed on [mrz]\n[mrz]')
    expect(redactPii('TD1 line I<UTOD231458907<<<<<<<<<<<<<<<')).toBe('TD1 line [mrz]')
  })

  it('dates of birth in every notation, but not the timestamps of events', () => {
    const out = redactPii('dob 1974-08-12, 12.08.1974, 08/12/1974, 12 August 1974, Aug 12, 1974, 19740812, 1974年8月12日 at 2026-11-27T09:12:00Z')
    expect(out).toBe('dob [date], [date], [date], [date], [date], [date], [date] at 2026-11-27T09:12:00Z')
  })

  it('document numbers by shape, and the desk\'s own by value (digits only, lower case, spaced)', () => {
    expect(redactPii('duplicate number E12345678 and L898902C3')).toBe('duplicate number [id] and [id]')
    expect(redactPii('typed 000000000 and l898902c3', known)).toBe('typed [id] and [id]')
    expect(redactPii('typed E12345678 and e 1234-5678', known)).not.toMatch(/1234|5678/)
  })

  it('names of the desk\'s customers, in any case, and any CJK text', () => {
    expect(redactPii('rendering reply for Anna Maria Eriksson failed', known)).toBe('rendering reply for [name] [name] [name] failed')
    expect(redactPii('customer_name = "ERIKSSON, ANNA"', known)).toBe('customer_name = "[name], [name]"')
    expect(redactPii('name LIN MEI-HUA and 林美华 and 王小明')).toBe('name LIN MEI-HUA and [text] and [text]')
    expect(redactPii('name LIN MEI-HUA', known)).toBe('name [name] [name]-[name]')
  })

  it('short name parts only where written as a name, so English words survive', () => {
    expect(redactPii('Wu Li opened the case', known)).toBe('[name] [name] opened the case')
    expect(redactPii('lin wu li', known)).toBe('lin wu li')
  })

  it('the user name in home-folder paths', () => {
    expect(redactPii('ENOENT: /home/alice/cases/x.zip')).toBe('ENOENT: /home/[user]/cases/x.zip')
    expect(redactPii('at C:\\Users\\bob.smith\\AppData\\kyc')).toBe('at C:\\Users\\[user]\\AppData\\kyc')
    expect(redactPii('open /Users/carol/Library/x')).toBe('open /Users/[user]/Library/x')
  })

  it('leaves the operational content readable', () => {
    const line = 'Unexpected failure in cases:get: TypeError: Cannot read properties of undefined (reading \'row\') at attempt 12, sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08, took 30000 ms'
    expect(redactPii(line, known)).toBe(line)
  })
})
