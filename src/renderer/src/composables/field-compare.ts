import type { DocumentData } from '../../../shared/domain/document-data'
import type { StoredFinding } from '../../../shared/domain/case'
import { charDiff, diffSides, merge, type DiffSegment } from './char-diff'
import { isDayMonthSwap, isoOf, parseCalendarDate, sameDate, type CalendarDate } from './dates'

export const COMPARED_FIELDS = [
  'lastName', 'firstName', 'documentNumber', 'dateOfBirth', 'documentExpiry', 'nationality', 'issuingCountry', 'sex',
] as const
export type ComparedField = (typeof COMPARED_FIELDS)[number]

/** `notTyped`: the form has no value (optional fields such as the expiry date). */
export type FieldVerdict = 'match' | 'differs' | 'notOnDocument' | 'notTyped'

export interface FieldRow {
  field: ComparedField
  typed: string | null
  document: string | null
  verdict: FieldVerdict
  /** Typed value split into runs; `removed` runs are what the document does not have. */
  typedParts: DiffSegment[]
  /** Document value split into runs; `added` runs are what the customer did not type. */
  documentParts: DiffSegment[]
  dayMonthSwap: boolean
  /** The IDENTITY_DATA_MISMATCH finding about this field, when the analysis made one. */
  finding: StoredFinding | null
}

const DATE_FIELDS: ReadonlySet<ComparedField> = new Set(['dateOfBirth', 'documentExpiry'])
const CODE_OF_FIELD: Record<ComparedField, string> = {
  lastName: 'NAME', firstName: 'NAME', documentNumber: 'DOCUMENT_NUMBER', dateOfBirth: 'DATE_OF_BIRTH',
  documentExpiry: 'DOCUMENT_EXPIRY', nationality: 'NATIONALITY', issuingCountry: 'ISSUING_COUNTRY', sex: 'SEX',
}
/** ICAO writes Germany as `D`; the form asks for alpha-3. */
const ICAO_ALIASES: Record<string, string> = { D: 'DEU' }

/** Upper case, accents removed, MRZ fillers and punctuation as single spaces: how MRZ names compare. */
export function normaliseName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[<\-'’.,]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

function normaliseCode(value: string): string {
  const v = value.toUpperCase().replace(/[<\s]+/g, '')
  return ICAO_ALIASES[v] ?? v
}

function normalise(field: ComparedField, value: string): string {
  if (field === 'lastName' || field === 'firstName') return normaliseName(value)
  if (field === 'documentNumber') return value.toUpperCase().replace(/[<\s-]+/g, '')
  return normaliseCode(value)
}

function text(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  if (typeof value === 'number') return String(value)
  return null
}

/** Whether a finding's evidence says the day and month were swapped (any `*swap*` key that is true or names day/month). */
export function evidenceSaysSwap(finding: StoredFinding | null): boolean {
  if (!finding) return false
  return Object.entries(finding.evidence).some(([k, v]) => /swap/i.test(k) && (v === true || (typeof v === 'string' && /day|month/i.test(v))))
}

function findingFor(field: ComparedField, findings: StoredFinding[]): StoredFinding | null {
  const code = CODE_OF_FIELD[field]
  const candidates = findings.filter((f) => f.cause === 'IDENTITY_DATA_MISMATCH' && f.code === code)
  if (candidates.length <= 1 || code !== 'NAME') return candidates[0] ?? null
  // Both name fields share the NAME code: prefer the finding whose evidence names this field.
  return candidates.find((f) => f.evidence.field === field || Object.keys(f.evidence).some((k) => k.toLowerCase().includes(field.toLowerCase()))) ?? candidates[0]
}

/** Puts the original characters back into runs computed on an upper-cased copy (when lengths allow). */
function restore(parts: DiffSegment[], original: string): DiffSegment[] {
  const chars = [...original]
  if (chars.length !== [...original.toUpperCase()].length) return parts
  let at = 0
  return parts.map((p) => {
    const n = [...p.text].length
    const text = chars.slice(at, at + n).join('')
    at += n
    return { op: p.op, text }
  })
}

/**
 * Dates differ by component, not by character: in ISO form (so another notation is not mistaken
 * for another date) each of year, month and day that differs is marked whole. A character diff
 * of 1974-12-08 against 1974-08-12 marks "12-" only, hiding that the day is wrong too.
 */
function dateDiff(a: CalendarDate, b: CalendarDate): { left: DiffSegment[]; right: DiffSegment[] } {
  const parts = (x: CalendarDate) => isoOf(x).split('-')
  const [pa, pb] = [parts(a), parts(b)]
  const side = (mine: string[], other: string[], op: 'removed' | 'added') =>
    merge(mine.flatMap((p, k) => [
      ...(k > 0 ? [{ op: 'same' as const, text: '-' }] : []),
      { op: p === other[k] ? ('same' as const) : op, text: p },
    ]))
  return { left: side(pa, pb, 'removed'), right: side(pb, pa, 'added') }
}

function plain(value: string | null): DiffSegment[] {
  return value ? [{ op: 'same', text: value }] : []
}

/**
 * The typed-vs-document table: each field the customer typed (the bundle's `form`) beside the value
 * read from the document (`documentData.fields`), with a verdict and a character diff of the two.
 * Names compare as the MRZ writes them (case, accents, hyphens do not count); dates compare as
 * calendar dates whatever their format; country codes accept ICAO's `D` for DEU.
 */
export function compareFields(form: Record<string, unknown> | null | undefined, documentData: DocumentData | null, findings: StoredFinding[]): FieldRow[] {
  const fields = documentData?.fields ?? {}
  return COMPARED_FIELDS.map((field): FieldRow => {
    const typed = text(form?.[field])
    const document = text((fields as Record<string, unknown>)[field])
    const finding = findingFor(field, findings)
    const base = { field, typed, document, finding, dayMonthSwap: false }
    if (typed === null) return { ...base, verdict: 'notTyped', typedParts: [], documentParts: plain(document) }
    if (document === null) return { ...base, verdict: 'notOnDocument', typedParts: plain(typed), documentParts: [] }

    if (DATE_FIELDS.has(field)) {
      const a = parseCalendarDate(typed)
      const b = parseCalendarDate(document)
      if (a && b) {
        if (sameDate(a, b)) return { ...base, verdict: 'match', typedParts: plain(typed), documentParts: plain(document) }
        const sides = dateDiff(a, b)
        const swap = isDayMonthSwap(a, b) || (field === 'dateOfBirth' && evidenceSaysSwap(finding))
        return { ...base, verdict: 'differs', typedParts: sides.left, documentParts: sides.right, dayMonthSwap: swap }
      }
    }

    if (normalise(field, typed) === normalise(field, document)) {
      return { ...base, verdict: 'match', typedParts: plain(typed), documentParts: plain(document) }
    }
    // Case never counts as a difference; the runs are mapped back onto the original letters.
    const sides = diffSides(charDiff(typed.toUpperCase(), document.toUpperCase()))
    return { ...base, verdict: 'differs', typedParts: restore(sides.left, typed), documentParts: restore(sides.right, document) }
  })
}
