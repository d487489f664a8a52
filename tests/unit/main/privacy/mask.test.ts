import { describe, expect, it } from 'vitest'
import { maskDeep, maskText } from '../../../../src/main/privacy/mask'
import { compareMaskedFields } from '../../../../src/main/privacy/masked-fields'
import { sensitiveValues } from '../../../../src/main/privacy/sensitive-values'
import { maskDate, maskDocumentNumber } from '../../../../src/shared/domain/privacy'
import { analysedCase, CLEAR, NOW } from './case-fixture'

describe('the masks', () => {
  it('document numbers keep two characters at each end and never show their length', () => {
    expect(maskDocumentNumber('P12345678')).toBe('P1••••78')
    expect(maskDocumentNumber('E1234567890123')).toBe('E1••••23')
    expect(maskDocumentNumber('12345')).toBe('1••••5')
    expect(maskDocumentNumber('123')).toBe('••••')
  })

  it('dates keep the century and the day', () => {
    expect(maskDate('1974-08-12')).toBe('19••-••-12')
    expect(maskDate('12.08.1974')).toBe('12.••.••74')
  })
})

describe('masking a case as the analysers left it', () => {
  const detail = analysedCase()
  const masked = maskDeep(detail, sensitiveValues(detail, NOW))
  // Hashes and platform ids may contain the same digits by chance; they are checked apart below.
  const json = JSON.stringify(masked, (key, v: unknown) => (['files', 'otherCases', 'account'].includes(key) ? undefined : v))

  it('no form of the document numbers or dates of birth is left anywhere', () => {
    const forbidden = [
      CLEAR.typedNumber, CLEAR.documentNumber, CLEAR.typedBirth, CLEAR.documentBirth, '12.08.1974',
      '12 August 1974', '8 December 1974', '1974年8月12日', '1974年12月8日', // the explanations' words
      '740812', // the MRZ's birth date field
    ]
    for (const clear of forbidden) expect(json, clear).not.toContain(clear)
  })

  it('shows the masks in their place, in the form, the MRZ, the evidence and the explanations', () => {
    const a = masked.attempts[0]
    expect((a.bundle.form as Record<string, string>).documentNumber).toBe('L8••••C8')
    expect((a.bundle.form as Record<string, string>).dateOfBirth).toBe('19••-••-08')
    expect(a.documentData?.fields.documentNumber).toBe('L8••••C3')
    expect(a.documentData?.mrz?.[1]).toBe('L8••••C36UTO19••-••-122F1204159ZE184226B<<<<<10')
    const number = a.findings.find((f) => f.code === 'DOCUMENT_NUMBER')!
    expect(number.explanation.en).toContain('typed as “L8••••C8” but')
    expect(number.evidence.typed).toBe('L8••••C8')
    const birth = a.findings.find((f) => f.code === 'DATE_OF_BIRTH')!
    expect(birth.explanation.en).toContain('19••-••-08')
    expect(birth.explanation['zh-CN']).toContain('19••-••-12')
  })

  it('leaves hashes, ids, addresses and everything else alone', () => {
    const a = masked.attempts[0]
    expect(a.files[0]).toEqual(detail.attempts[0].files[0])
    expect(masked.row).toEqual(detail.row)
    expect(JSON.stringify(a.bundle.account)).toBe(JSON.stringify(detail.attempts[0].bundle.account))
    const duplicate = a.findings.find((f) => f.code === 'SAME_DOCUMENT_NUMBER')!
    expect(duplicate.evidence.otherCases).toEqual([{ caseId: 'BN-2026-000777', attempt: 1, accountId: 'u_7740812' }])
    expect(duplicate.explanation.en).toBe('Document number L8••••C3 was also submitted by 1 other account(s) (BN-2026-000777).')
  })

  it('a short value is masked only where it is the whole text', () => {
    const r = [{ clear: '1234', masked: '••••' }]
    expect(maskText('1234', r)).toBe('••••')
    expect(maskText('port 1234 open', r)).toBe('port 1234 open')
  })
})

describe('the masked fields still say how they differ', () => {
  it('a typo in the number, the day and month swapped in the date', () => {
    const a = analysedCase().attempts[0]
    const rows = compareMaskedFields(a.bundle.form as Record<string, unknown>, a.documentData, a.findings, NOW, 2)
    expect(rows).toEqual([
      { field: 'documentNumber', verdict: 'differs', kind: 'typo', differingParts: [], editCount: 1 },
      { field: 'dateOfBirth', verdict: 'differs', kind: 'day-month-swapped', differingParts: ['month', 'day'], editCount: null },
    ])
  })

  it('the same values in other notations match; missing values say which side', () => {
    const rows = compareMaskedFields({ documentNumber: 'l 898902-c3', dateOfBirth: '1974-08-12' }, { source: 'vendor', mrz: null, fields: { documentNumber: 'L898902C3', dateOfBirth: '12.08.1974' } }, [], NOW, 2)
    expect(rows.map((r) => r.verdict)).toEqual(['match', 'match'])
    const missing = compareMaskedFields({ dateOfBirth: '1974-08-12' }, { source: 'none', mrz: null, fields: {} }, [], NOW, 2)
    expect(missing.map((r) => r.verdict)).toEqual(['notTyped', 'notOnDocument'])
  })

  it('another number entirely, and only the year wrong', () => {
    const rows = compareMaskedFields({ documentNumber: 'X12345678', dateOfBirth: '1975-08-12' }, { source: 'mrz', mrz: null, fields: { documentNumber: 'L898902C3', dateOfBirth: '1974-08-12' } }, [], NOW, 2)
    expect(rows[0]).toMatchObject({ verdict: 'differs', kind: 'different' })
    expect(rows[1]).toMatchObject({ verdict: 'differs', kind: 'year-differs', differingParts: ['year'] })
  })
})
