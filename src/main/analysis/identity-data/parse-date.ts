/**
 * Dates as vendors and documents give them: ISO (1974-08-12, with or without a time), compact
 * (19740812), MRZ (740812), day-first with dots or dashes (12.08.1974), slashed (08/12/1974,
 * which is ambiguous: both readings are kept), with month names in English, French, German or
 * Spanish (12 AUG 1974, 12 AOÛT/AUG 74, Aug 12, 1974) and Chinese (1974年8月12日).
 * Returns every calendar date the text can mean, most likely first.
 */

export type DateKind = 'birth' | 'expiry'

const MONTHS: Readonly<Record<string, number>> = {
  JAN: 1, JANUARY: 1, JANV: 1, JANVIER: 1, JANUAR: 1, JAENNER: 1, ENE: 1, ENERO: 1,
  FEB: 2, FEBRUARY: 2, FEV: 2, FEVR: 2, FEVRIER: 2, FEBRUAR: 2, FEBRERO: 2,
  MAR: 3, MARCH: 3, MARS: 3, MAERZ: 3, MARZ: 3, MARZO: 3,
  APR: 4, APRIL: 4, AVR: 4, AVRIL: 4, ABR: 4, ABRIL: 4,
  MAY: 5, MAI: 5, MAYO: 5,
  JUN: 6, JUNE: 6, JUIN: 6, JUNI: 6, JUNIO: 6,
  JUL: 7, JULY: 7, JUIL: 7, JUILLET: 7, JULI: 7, JULIO: 7,
  AUG: 8, AUGUST: 8, AOU: 8, AOUT: 8, AGO: 8, AGOSTO: 8,
  SEP: 9, SEPT: 9, SEPTEMBER: 9, SEPTEMBRE: 9, SEPTIEMBRE: 9, SET: 9,
  OCT: 10, OCTOBER: 10, OCTOBRE: 10, OKT: 10, OKTOBER: 10, OCTUBRE: 10,
  NOV: 11, NOVEMBER: 11, NOVEMBRE: 11, NOVIEMBRE: 11,
  DEC: 12, DECEMBER: 12, DECEMBRE: 12, DEZ: 12, DEZEMBER: 12, DIC: 12, DICIEMBRE: 12,
}

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/**
 * Two-digit years as ICAO 9303 reads them: a birth date never lies in the future (so 74 is
 * 1974, and 30 is 1930 when read in 2026); expiry dates are 20YY.
 */
function fullYear(yy: number, m: number, d: number, kind: DateKind, now: Date): number {
  if (kind === 'expiry') return 2000 + yy
  const y = 2000 + yy
  const candidate = iso(y, m, d)
  return candidate && candidate > now.toISOString().slice(0, 10) ? y - 100 : y
}

function year(text: string, m: number, d: number, kind: DateKind, now: Date): number {
  return text.length === 2 ? fullYear(Number(text), m, d, kind, now) : Number(text)
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))]
}

function monthNumber(word: string): number | undefined {
  const w = word.normalize('NFKD').replace(/\p{M}+/gu, '').toUpperCase()
  return MONTHS[w] ?? MONTHS[w.slice(0, 3)]
}

export function parseDocumentDate(value: string, kind: DateKind, now: Date): string[] {
  const text = value.trim()
  let m: RegExpMatchArray | null
  if ((m = text.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/))) return unique([iso(+m[1], +m[2], +m[3])])
  if ((m = text.match(/^(\d{4})(\d{2})(\d{2})$/))) return unique([iso(+m[1], +m[2], +m[3])])
  if ((m = text.match(/^(\d{2})(\d{2})(\d{2})$/))) return unique([iso(fullYear(+m[1], +m[2], +m[3], kind, now), +m[2], +m[3])])
  if ((m = text.match(/^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/))) return unique([iso(+m[1], +m[2], +m[3])])
  // Dots and dashes: day first (the European and ICAO visual-zone order).
  if ((m = text.match(/^(\d{1,2})[.-](\d{1,2})[.-](\d{2}|\d{4})$/))) return unique([iso(year(m[3], +m[2], +m[1], kind, now), +m[2], +m[1])])
  // Slashes: day-first and month-first are both in use; keep both readings.
  if ((m = text.match(/^(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/))) {
    return unique([iso(year(m[3], +m[2], +m[1], kind, now), +m[2], +m[1]), iso(year(m[3], +m[1], +m[2], kind, now), +m[1], +m[2])])
  }
  // Month names: 12 AUG 1974, 12 AOÛT/AUG 74, 12-Aug-1974, Aug 12, 1974, August 12 1974.
  const words = text.split(/[\s,./-]+/).filter(Boolean)
  const numbers = words.filter((w) => /^\d+$/.test(w))
  const month = words.map(monthNumber).find((n) => n !== undefined)
  if (month !== undefined && numbers.length === 2) {
    const [a, b] = numbers
    const [dayText, yearText] = a.length <= 2 && (b.length === 4 || b.length === 2) ? [a, b] : [b, a]
    if (dayText.length <= 2 && (yearText.length === 4 || yearText.length === 2)) {
      return unique([iso(year(yearText, month, +dayText, kind, now), month, +dayText)])
    }
  }
  return []
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** 1976-01-02 → "2 January 1976" (never ambiguous for the agent). */
export function dateInWordsEn(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number)
  return `${d} ${EN_MONTHS[m - 1]} ${y}`
}

/** 1976-01-02 → "1976年1月2日". */
export function dateInWordsZh(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** Whole days from a to b (ISO dates), positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b.slice(0, 10)}T00:00:00Z`) - Date.parse(`${a.slice(0, 10)}T00:00:00Z`)) / 86_400_000)
}

/** Completed years of age on `on` for someone born on `birth` (ISO dates). */
export function ageOn(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number)
  const [y, m, d] = on.slice(0, 10).split('-').map(Number)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}
