/** The three ICAO 9303 machine-readable zone layouts: lines × characters. */
export type MrzFormat = 'TD1' | 'TD2' | 'TD3'

export const LINE_LENGTH: Record<MrzFormat, number> = { TD1: 30, TD2: 36, TD3: 44 }
export const LINE_COUNT: Record<MrzFormat, number> = { TD1: 3, TD2: 2, TD3: 2 }

/**
 * What each position may hold: A letters (and < filler), N digits, C a check digit (digit, or <
 * for an empty optional field), S sex (M F X <), X letters or digits or <, K a country code.
 */
export type PositionType = 'A' | 'N' | 'C' | 'S' | 'X' | 'K'

/** A check digit and the ranges (line, start, end exclusive) it covers. */
export interface CheckSpec {
  field: 'documentNumber' | 'dateOfBirth' | 'documentExpiry' | 'personalNumber' | 'composite'
  digit: [number, number]
  ranges: [number, number, number][]
}

const td13Line1 = 'AAKKK'
/** Templates per line, one letter per position (see PositionType). */
export const TEMPLATES: Record<MrzFormat, string[]> = {
  TD1: [
    td13Line1 + 'X'.repeat(9) + 'C' + 'X'.repeat(15),
    'NNNNNNCSNNNNNNCKKK' + 'X'.repeat(11) + 'C',
    'A'.repeat(30),
  ],
  TD2: [td13Line1 + 'A'.repeat(31), 'X'.repeat(9) + 'CKKKNNNNNNCSNNNNNNC' + 'X'.repeat(7) + 'C'],
  TD3: [td13Line1 + 'A'.repeat(39), 'X'.repeat(9) + 'CKKKNNNNNNCSNNNNNNC' + 'X'.repeat(14) + 'CC'],
}

export const CHECKS: Record<MrzFormat, CheckSpec[]> = {
  TD1: [
    { field: 'documentNumber', digit: [0, 14], ranges: [[0, 5, 14]] },
    { field: 'dateOfBirth', digit: [1, 6], ranges: [[1, 0, 6]] },
    { field: 'documentExpiry', digit: [1, 14], ranges: [[1, 8, 14]] },
    { field: 'composite', digit: [1, 29], ranges: [[0, 5, 30], [1, 0, 7], [1, 8, 15], [1, 18, 29]] },
  ],
  TD2: [
    { field: 'documentNumber', digit: [1, 9], ranges: [[1, 0, 9]] },
    { field: 'dateOfBirth', digit: [1, 19], ranges: [[1, 13, 19]] },
    { field: 'documentExpiry', digit: [1, 27], ranges: [[1, 21, 27]] },
    { field: 'composite', digit: [1, 35], ranges: [[1, 0, 10], [1, 13, 20], [1, 21, 35]] },
  ],
  TD3: [
    { field: 'documentNumber', digit: [1, 9], ranges: [[1, 0, 9]] },
    { field: 'dateOfBirth', digit: [1, 19], ranges: [[1, 13, 19]] },
    { field: 'documentExpiry', digit: [1, 27], ranges: [[1, 21, 27]] },
    { field: 'personalNumber', digit: [1, 42], ranges: [[1, 28, 42]] },
    { field: 'composite', digit: [1, 43], ranges: [[1, 0, 10], [1, 13, 20], [1, 21, 43]] },
  ],
}

/** The country-code fields: [line, start]. */
export const COUNTRY_FIELDS: Record<MrzFormat, { field: 'issuingCountry' | 'nationality'; at: [number, number] }[]> = {
  TD1: [{ field: 'issuingCountry', at: [0, 2] }, { field: 'nationality', at: [1, 15] }],
  TD2: [{ field: 'issuingCountry', at: [0, 2] }, { field: 'nationality', at: [1, 10] }],
  TD3: [{ field: 'issuingCountry', at: [0, 2] }, { field: 'nationality', at: [1, 10] }],
}

/** Where the names are: [line, start, end exclusive]. */
export const NAME_FIELD: Record<MrzFormat, [number, number, number]> = {
  TD1: [2, 0, 30],
  TD2: [0, 5, 36],
  TD3: [0, 5, 44],
}

const value = (c: string): number => (c === '<' ? 0 : c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55)

/** ICAO 9303 check digit: weights 7, 3, 1 over the characters, modulo 10. */
export function checkDigit(chars: string): number {
  const weights = [7, 3, 1]
  let sum = 0
  for (let i = 0; i < chars.length; i++) sum += value(chars[i]) * weights[i % 3]
  return sum % 10
}

/** Whether a check holds on these lines. An empty optional field may carry < as its check digit. */
export function checkHolds(lines: string[], spec: CheckSpec): boolean {
  const digit = lines[spec.digit[0]][spec.digit[1]]
  const covered = spec.ranges.map(([l, a, b]) => lines[l].slice(a, b)).join('')
  if (digit === '<') return spec.field === 'personalNumber' && /^<*$/.test(covered)
  if (!/^[0-9]$/.test(digit)) return false
  return checkDigit(covered) === Number(digit)
}
