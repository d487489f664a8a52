import type { DocumentData } from '../../../shared/domain/document-data'

const WEIGHTS = [7, 3, 1]

/** ICAO 9303 Part 3 check digit (weights 7-3-1, A=10…Z=35, < = 0). */
export function checkDigit(field: string): string {
  let sum = 0
  for (let i = 0; i < field.length; i++) {
    const c = field[i]
    const v = c === '<' ? 0 : /\d/.test(c) ? Number(c) : /[A-Z]/.test(c) ? c.charCodeAt(0) - 55 : 0
    sum += v * WEIGHTS[i % 3]
  }
  return String(sum % 10)
}

/**
 * The document-number check digit as printed in the MRZ lines, when the number fits its
 * nine-character field (longer TD1 numbers continue in the optional data: not handled).
 */
export function printedNumberCheckDigit(data: DocumentData): string | null {
  const lines = data.mrz
  if (!lines || lines.length < 2) return null
  const td1 = lines.length === 3 && lines[0].length === 30
  const digit = td1 ? lines[0][14] : lines[1][9]
  return digit && /\d/.test(digit) ? digit : null
}
