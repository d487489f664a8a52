import { parse } from 'mrz'
import { describe, expect, it } from 'vitest'
import { mrzCheckDigit, td1Lines, td2Lines, td3Lines, toMrzText, type MrzIdentity } from '../../../../src/main/demo/mrz-writer'

const anna: MrzIdentity = {
  documentCode: 'P',
  issuingState: 'UTO',
  lastName: 'Eriksson',
  firstName: 'Anna María',
  documentNumber: 'L898902C3',
  nationality: 'UTO',
  dateOfBirth: '1974-08-12',
  documentExpiry: '2012-04-15',
  sex: 'F',
  optional: 'ZE184226B',
}

function invalidChecks(lines: string[]): string[] {
  const result = parse(lines)
  return result.details.filter((d) => /CheckDigit$/.test(d.field ?? '') && !d.valid).map((d) => String(d.field))
}

describe('MRZ writer', () => {
  it('reproduces the ICAO 9303 TD3 example exactly', () => {
    expect(td3Lines(anna)).toEqual(['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'])
  })

  it('computes check digits with weights 7-3-1 and < as zero', () => {
    expect(mrzCheckDigit('L898902C3')).toBe('6')
    expect(mrzCheckDigit('740812')).toBe('2')
    expect(mrzCheckDigit('<<<<<<<<<<<<<<')).toBe('0')
  })

  const people: MrzIdentity[] = [
    { ...anna, issuingState: 'CHN', nationality: 'CHN', lastName: 'Wang', firstName: 'Xiuying', documentNumber: 'E12345678', dateOfBirth: '1990-03-07', documentExpiry: '2031-05-01', optional: undefined },
    { ...anna, issuingState: 'D', nationality: 'D', lastName: 'Müller', firstName: 'Jürgen', documentNumber: 'C01X00T47', sex: 'M', optional: undefined },
    { ...anna, documentCode: 'ID', issuingState: 'ROU', nationality: 'ROU', lastName: 'Popescu', firstName: 'Ștefan', documentNumber: 'RX123456', sex: 'M' },
    { ...anna, issuingState: 'ESP', nationality: 'ESP', lastName: 'García López', firstName: 'María José', documentNumber: 'ABC123456' },
  ]

  it.each(people)('writes TD3, TD2 and TD1 lines that the mrz package parses with every check digit valid ($lastName)', (id) => {
    const td3 = td3Lines(id)
    const td2 = td2Lines({ ...id, documentCode: id.documentCode === 'P' ? 'I' : id.documentCode })
    const td1 = td1Lines({ ...id, documentCode: 'ID' })
    expect(td3.map((l) => l.length)).toEqual([44, 44])
    expect(td2.map((l) => l.length)).toEqual([36, 36])
    expect(td1.map((l) => l.length)).toEqual([30, 30, 30])
    for (const lines of [td3, td2, td1]) {
      expect(invalidChecks(lines)).toEqual([])
      const fields = parse(lines).fields
      expect(fields.documentNumber).toBe(id.documentNumber)
      expect(fields.birthDate).toBe(id.dateOfBirth.slice(2).replace(/-/g, ''))
    }
  })

  it('transliterates names the ICAO way', () => {
    expect(toMrzText('Müller')).toBe('MUELLER')
    expect(toMrzText("O'Connor")).toBe('OCONNOR')
    expect(toMrzText('García López')).toBe('GARCIA<LOPEZ')
    expect(toMrzText('Jean-Luc')).toBe('JEAN<LUC')
    expect(toMrzText('Đurić')).toBe('DURIC')
    expect(td3Lines(people[1])[0]).toBe('P<D<<MUELLER<<JUERGEN<<<<<<<<<<<<<<<<<<<<<<<')
  })

  it('refuses a document number the MRZ cannot hold', () => {
    expect(() => td3Lines({ ...anna, documentNumber: 'AB-1234567890' })).toThrow(/document number/)
  })
})
