/**
 * Writes ICAO 9303 machine-readable zones (TD1, TD2, TD3) with correct check digits, for the
 * demo documents. The reading side (src/main/analysis/mrz) is separate on purpose: a writer
 * that shared its check-digit code could not catch that code's mistakes.
 */

export type MrzLayout = 'TD1' | 'TD2' | 'TD3'

export interface MrzIdentity {
  /** P (passport), I / ID (identity card), AC … */
  documentCode: string
  issuingState: string
  lastName: string
  firstName: string
  documentNumber: string
  nationality: string
  /** ISO dates (YYYY-MM-DD). */
  dateOfBirth: string
  documentExpiry: string
  sex: 'F' | 'M' | 'X'
  /** TD3 personal number / TD1-TD2 optional data. */
  optional?: string
}

const WEIGHTS = [7, 3, 1]

function charValue(ch: string): number {
  if (ch === '<') return 0
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48
  if (ch >= 'A' && ch <= 'Z') return ch.charCodeAt(0) - 55
  throw new Error(`not an MRZ character: ${JSON.stringify(ch)}`)
}

export function mrzCheckDigit(field: string): string {
  let sum = 0
  for (let i = 0; i < field.length; i++) sum += charValue(field[i]) * WEIGHTS[i % 3]
  return String(sum % 10)
}

// ICAO 9303 part 3 transliterations that are not just "drop the accent".
const SPECIAL: Record<string, string> = {
  Ä: 'AE', Ö: 'OE', Ü: 'UE', ß: 'SS', Æ: 'AE', Ø: 'OE', Å: 'AA', Œ: 'OE', Ð: 'D', Þ: 'TH', Ł: 'L', Đ: 'D', Ħ: 'H', Ŀ: 'L', Ŧ: 'T',
}

/** Upper-cases and transliterates a name to the MRZ alphabet; separators become `<`. */
export function toMrzText(name: string): string {
  let out = ''
  for (const raw of name.toUpperCase()) {
    const ch = SPECIAL[raw] ?? raw.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    out += ch
  }
  return out
    .replace(/['’`.]/g, '')
    .replace(/[\s,-]+/g, '<')
    .replace(/[^A-Z0-9<]/g, '')
}

function pad(text: string, length: number): string {
  if (text.length > length) return text.slice(0, length)
  return text + '<'.repeat(length - text.length)
}

function nameField(lastName: string, firstName: string, length: number): string {
  return pad(`${toMrzText(lastName)}<<${toMrzText(firstName)}`, length)
}

/** `1990-03-07` → `900307`. */
export function mrzDate(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not an ISO date: ${iso}`)
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10)
}

function withCheck(field: string): string {
  return field + mrzCheckDigit(field)
}

function documentCodeField(code: string): string {
  return pad(code, 2)
}

function assertDocumentNumber(n: string): void {
  if (!/^[A-Z0-9]{1,9}$/.test(n)) throw new Error(`document number must be 1-9 MRZ characters: ${n}`)
}

export function td3Lines(id: MrzIdentity): [string, string] {
  assertDocumentNumber(id.documentNumber)
  const line1 = documentCodeField(id.documentCode) + pad(id.issuingState, 3) + nameField(id.lastName, id.firstName, 39)
  const number = withCheck(pad(id.documentNumber, 9))
  const dob = withCheck(mrzDate(id.dateOfBirth))
  const expiry = withCheck(mrzDate(id.documentExpiry))
  const personal = pad(toMrzText(id.optional ?? ''), 14)
  // An empty personal number may carry `<` as its check digit (ICAO 9303-4, 4.2.2.2).
  const personalCheck = /^<+$/.test(personal) ? '<' : mrzCheckDigit(personal)
  const composite = mrzCheckDigit(number + dob + expiry + personal + personalCheck)
  const line2 = number + pad(id.nationality, 3) + dob + id.sex + expiry + personal + personalCheck + composite
  return [line1, line2]
}

export function td2Lines(id: MrzIdentity): [string, string] {
  assertDocumentNumber(id.documentNumber)
  const line1 = documentCodeField(id.documentCode) + pad(id.issuingState, 3) + nameField(id.lastName, id.firstName, 31)
  const number = withCheck(pad(id.documentNumber, 9))
  const dob = withCheck(mrzDate(id.dateOfBirth))
  const expiry = withCheck(mrzDate(id.documentExpiry))
  const optional = pad(toMrzText(id.optional ?? ''), 7)
  const composite = mrzCheckDigit(number + dob + expiry + optional)
  const line2 = number + pad(id.nationality, 3) + dob + id.sex + expiry + optional + composite
  return [line1, line2]
}

export function td1Lines(id: MrzIdentity): [string, string, string] {
  assertDocumentNumber(id.documentNumber)
  const number = withCheck(pad(id.documentNumber, 9))
  const line1 = documentCodeField(id.documentCode) + pad(id.issuingState, 3) + number + pad('', 15)
  const dob = withCheck(mrzDate(id.dateOfBirth))
  const expiry = withCheck(mrzDate(id.documentExpiry))
  const optional2 = pad(toMrzText(id.optional ?? ''), 11)
  const composite = mrzCheckDigit(line1.slice(5, 30) + dob + expiry + optional2)
  const line2 = dob + id.sex + expiry + pad(id.nationality, 3) + optional2 + composite
  const line3 = nameField(id.lastName, id.firstName, 30)
  return [line1, line2, line3]
}

export function mrzLines(layout: MrzLayout, id: MrzIdentity): string[] {
  if (layout === 'TD3') return td3Lines(id)
  if (layout === 'TD2') return td2Lines(id)
  return td1Lines(id)
}
