import type { CaseDetail } from '../../shared/domain/case'
import { normaliseDocumentNumber } from '../../shared/domain/document-number'
import { maskDate, maskDocumentNumber } from '../../shared/domain/privacy'
import { dateInWordsEn, dateInWordsZh, parseDocumentDate } from '../analysis/identity-data/parse-date'

/** A clear text to find and the mask to put in its place. */
export interface Replacement {
  clear: string
  masked: string
  /** Only inside MRZ lines: a six-digit YYMMDD date is too likely to be part of some other id elsewhere. */
  mrzOnly?: boolean
}

/** Finding codes whose evidence quotes a document number or a date of birth. */
const DOCUMENT_NUMBER_CODES = new Set(['DOCUMENT_NUMBER', 'SAME_DOCUMENT_NUMBER'])
const DATE_OF_BIRTH_CODES = new Set(['DATE_OF_BIRTH', 'UNDERAGE'])
/** Evidence keys that hold the compared values themselves (not measures or settings). */
const VALUE_KEYS = ['typed', 'document', 'documentRaw', 'documentReadings', 'normalisedTyped', 'normalisedDocument', 'documentNumber', 'vendorValue']

/**
 * Shorter texts are replaced only where a whole string equals them: a 4-character number would
 * otherwise be masked inside case ids, IP addresses and byte counts.
 */
export const MIN_SUBSTRING_LENGTH = 5

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : []
  if (Array.isArray(value)) return value.flatMap(strings)
  return []
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

/** Every way a document number is written in the desk's data: as given, upper case, normalised. */
function documentNumberVariants(value: string): Replacement[] {
  const normalised = normaliseDocumentNumber(value)
  const masked = maskDocumentNumber(normalised || value)
  const texts = new Set([value, value.toUpperCase(), normalised])
  // A TD3 MRZ has room for 9 characters; a longer number continues in the optional data.
  if (normalised.length > 9) texts.add(normalised.slice(0, 9))
  return [...texts].filter((t) => t.length > 0).map((clear) => ({ clear, masked }))
}

/** Every way a date of birth is written: as given, ISO, MRZ (YYMMDD), compact, day/month-first, in words. */
function dateVariants(value: string, now: Date): Replacement[] {
  const readings = parseDocumentDate(value, 'birth', now)
  const out: Replacement[] = [{ clear: value, masked: maskDate(readings[0] ?? value) }]
  for (const iso of readings) {
    const [y, m, d] = iso.split('-')
    const masked = maskDate(iso)
    out.push({ clear: `${y.slice(2)}${m}${d}`, masked, mrzOnly: true })
    const texts = [
      iso, `${y}${m}${d}`, `${d}.${m}.${y}`, `${d}/${m}/${y}`, `${m}/${d}/${y}`, `${d}-${m}-${y}`,
      `${Number(d)}.${Number(m)}.${y}`, `${Number(d)}/${Number(m)}/${y}`, `${Number(m)}/${Number(d)}/${y}`,
      dateInWordsEn(iso), dateInWordsZh(iso),
    ]
    for (const clear of texts) out.push({ clear, masked })
  }
  return out
}

/**
 * The document numbers and dates of birth of a case, in every form the desk's data may quote
 * them (the form, the vendor's extraction, the document data read from the MRZ, the findings'
 * evidence and explanations), each with its mask. Longest first, so a number is masked whole
 * before any shorter form of it is looked for.
 */
export function sensitiveValues(detail: CaseDetail, now: Date): Replacement[] {
  const numbers = new Set<string>()
  const dates = new Set<string>()
  for (const a of detail.attempts) {
    const bundle = a.bundle
    const form = record(bundle.form)
    const extracted = record(record(bundle.vendor).extracted)
    for (const v of strings(form.documentNumber)) numbers.add(v)
    for (const v of strings(extracted.documentNumber)) numbers.add(v)
    for (const v of strings(form.dateOfBirth)) dates.add(v)
    for (const v of strings(extracted.dateOfBirth)) dates.add(v)
    if (a.documentData) {
      for (const v of strings(a.documentData.fields.documentNumber)) numbers.add(v)
      for (const v of strings(a.documentData.fields.dateOfBirth)) dates.add(v)
    }
    for (const f of a.findings) {
      const field = f.evidence.field
      const aboutNumber = DOCUMENT_NUMBER_CODES.has(f.code) || field === 'documentNumber'
      const aboutBirth = DATE_OF_BIRTH_CODES.has(f.code) || field === 'dateOfBirth'
      if (!aboutNumber && !aboutBirth) continue
      for (const key of VALUE_KEYS) for (const v of strings(f.evidence[key])) (aboutNumber ? numbers : dates).add(v)
    }
  }
  const all = [...[...numbers].flatMap(documentNumberVariants), ...[...dates].flatMap((d) => dateVariants(d, now))]
  const byClear = new Map<string, Replacement>()
  for (const r of all) {
    const seen = byClear.get(r.clear)
    if (!seen || (seen.mrzOnly && !r.mrzOnly)) byClear.set(r.clear, r)
  }
  return [...byClear.values()].sort((a, b) => b.clear.length - a.clear.length)
}
