import { describe, expect, it } from 'vitest'
import { compareFields, normaliseName } from '../../src/renderer/src/composables/field-compare'
import type { DocumentData } from '../../src/shared/domain/document-data'
import { dob, finding } from './fixtures/case-detail'

const form = {
  firstName: 'Anna-Maria', lastName: 'Eriksson', dateOfBirth: '1974-12-08', sex: 'F', nationality: 'DEU',
  documentNumber: 'L8989O2C3', issuingCountry: 'DEU',
}
const doc: DocumentData = {
  source: 'mrz', mrz: null,
  fields: { lastName: 'ERIKSSON', firstName: 'ANNA MARIA', documentNumber: 'L898902C3', dateOfBirth: '1974-08-12', documentExpiry: '2030-01-01', nationality: 'D', sex: 'F' },
}
const byField = (rows: ReturnType<typeof compareFields>) => Object.fromEntries(rows.map((r) => [r.field, r]))

describe('typed vs document verdicts', () => {
  const rows = byField(compareFields(form, doc, [dob]))

  it('names match as the MRZ writes them: case, hyphens and accents do not count', () => {
    expect(rows.firstName.verdict).toBe('match')
    expect(rows.lastName.verdict).toBe('match')
    expect(normaliseName('José-Luis  o’Neil')).toBe('JOSE LUIS O NEIL')
  })

  it('a document number with O for 0 differs, highlighted on that character', () => {
    expect(rows.documentNumber.verdict).toBe('differs')
    expect(rows.documentNumber.typedParts).toEqual([{ op: 'same', text: 'L8989' }, { op: 'removed', text: 'O' }, { op: 'same', text: '2C3' }])
    expect(rows.documentNumber.documentParts).toEqual([{ op: 'same', text: 'L8989' }, { op: 'added', text: '0' }, { op: 'same', text: '2C3' }])
  })

  it('dates compare as dates and mark a day/month swap', () => {
    expect(rows.dateOfBirth.verdict).toBe('differs')
    expect(rows.dateOfBirth.dayMonthSwap).toBe(true)
    expect(rows.dateOfBirth.finding?.id).toBe(dob.id)
    // Both the month and the day are marked whole, on both sides; the year is not.
    expect(rows.dateOfBirth.typedParts).toEqual([{ op: 'same', text: '1974-' }, { op: 'removed', text: '12' }, { op: 'same', text: '-' }, { op: 'removed', text: '08' }])
    expect(rows.dateOfBirth.documentParts).toEqual([{ op: 'same', text: '1974-' }, { op: 'added', text: '08' }, { op: 'same', text: '-' }, { op: 'added', text: '12' }])
  })

  it('a date one year off marks only the year, in ISO form whatever the notation', () => {
    const r = byField(compareFields({ dateOfBirth: '12/08/1975' }, { ...doc, fields: { dateOfBirth: '1974-08-12' } }, []))
    expect(r.dateOfBirth.typedParts).toEqual([{ op: 'removed', text: '1975' }, { op: 'same', text: '-08-12' }])
    expect(r.dateOfBirth.documentParts).toEqual([{ op: 'added', text: '1974' }, { op: 'same', text: '-08-12' }])
  })

  it('the same date in another notation matches', () => {
    const r = byField(compareFields({ dateOfBirth: '1974-08-12' }, { ...doc, fields: { dateOfBirth: '12.08.1974' } }, []))
    expect(r.dateOfBirth.verdict).toBe('match')
  })

  it('marks a swap from the finding evidence even when the day equals the month it was swapped with', () => {
    const ev = finding({ cause: 'IDENTITY_DATA_MISMATCH', code: 'DATE_OF_BIRTH', evidence: { swap: 'day-month' } })
    const r = byField(compareFields({ dateOfBirth: '1980-01-03' }, { ...doc, fields: { dateOfBirth: '1980-03-02' } }, [ev]))
    expect(r.dateOfBirth.dayMonthSwap).toBe(true)
    const none = byField(compareFields({ dateOfBirth: '1980-01-03' }, { ...doc, fields: { dateOfBirth: '1980-03-02' } }, []))
    expect(none.dateOfBirth.dayMonthSwap).toBe(false)
  })

  it("ICAO's D is Germany's DEU", () => {
    expect(rows.nationality.verdict).toBe('match')
  })

  it('a field the document does not show, and one the customer did not type', () => {
    expect(rows.issuingCountry.verdict).toBe('notOnDocument')
    expect(rows.documentExpiry.verdict).toBe('notTyped')
  })

  it('without document data every typed field is "not on document"', () => {
    const r = compareFields(form, null, [])
    expect(r.filter((x) => x.verdict === 'notOnDocument').map((x) => x.field)).toEqual(
      ['lastName', 'firstName', 'documentNumber', 'dateOfBirth', 'nationality', 'issuingCountry', 'sex'],
    )
  })

  it('keeps the typed letters as typed when the difference is more than case', () => {
    const r = byField(compareFields({ lastName: 'Erikson' }, { ...doc, fields: { lastName: 'ERIKSSON' } }, []))
    expect(r.lastName.verdict).toBe('differs')
    expect(r.lastName.typedParts.map((p) => p.text).join('')).toBe('Erikson')
  })
})
