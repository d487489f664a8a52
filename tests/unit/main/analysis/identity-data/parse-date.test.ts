import { describe, expect, it } from 'vitest'
import { ageOn, parseDocumentDate } from '../../../../../src/main/analysis/identity-data/parse-date'
import { classifyDates } from '../../../../../src/main/analysis/identity-data/compare-dates'

const now = new Date('2026-11-20T00:00:00Z')

describe('parseDocumentDate', () => {
  it.each([
    ['1974-08-12', ['1974-08-12']],
    ['1974-08-12T00:00:00Z', ['1974-08-12']],
    ['19740812', ['1974-08-12']],
    ['740812', ['1974-08-12']],
    ['12.08.1974', ['1974-08-12']],
    ['12-08-74', ['1974-08-12']],
    ['12 AUG 1974', ['1974-08-12']],
    ['12 AOÛT/AUG 74', ['1974-08-12']],
    ['Aug 12, 1974', ['1974-08-12']],
    ['12 Dez 1974', ['1974-12-12']],
    ['1974年8月12日', ['1974-08-12']],
    ['08/12/1974', ['1974-12-08', '1974-08-12']],
    ['13/08/1974', ['1974-08-13']],
  ])('reads %s', (text, expected) => {
    expect(parseDocumentDate(text, 'birth', now)).toEqual(expected)
  })

  it('reads two-digit birth years so that nobody is born in the future, and expiry years as 20YY', () => {
    expect(parseDocumentDate('300101', 'birth', now)).toEqual(['1930-01-01'])
    expect(parseDocumentDate('260101', 'birth', now)).toEqual(['2026-01-01'])
    expect(parseDocumentDate('300101', 'expiry', now)).toEqual(['2030-01-01'])
  })

  it('gives nothing for text that is not a date, or an impossible date', () => {
    expect(parseDocumentDate('unknown', 'birth', now)).toEqual([])
    expect(parseDocumentDate('1974-02-30', 'birth', now)).toEqual([])
    expect(parseDocumentDate('31.04.1974', 'birth', now)).toEqual([])
  })
})

describe('classifyDates', () => {
  it.each([
    ['1976-01-02', '1976-02-01', 'day-month-swapped'],
    ['1975-08-12', '1974-08-12', 'year-differs'],
    ['2074-08-12', '1974-08-12', 'century-differs'],
    ['1974-09-12', '1974-08-12', 'month-differs'],
    ['1974-08-21', '1974-08-12', 'day-differs'],
    ['1974-08-11', '1974-08-12', 'off-by-one-day'],
    ['1974-07-31', '1974-08-01', 'off-by-one-day'],
    ['1980-03-05', '1974-08-12', 'different'],
  ])('%s against %s is %s', (typed, document, kind) => {
    expect(classifyDates(typed, document)).toBe(kind)
  })
})

describe('ageOn', () => {
  it('counts completed years, the birthday itself included', () => {
    expect(ageOn('2008-11-20', '2026-11-20')).toBe(18)
    expect(ageOn('2008-11-21', '2026-11-20')).toBe(17)
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17)
  })
})
