import type { StoredFinding } from '../../shared/domain/case'
import type { DocumentData } from '../../shared/domain/document-data'
import { normaliseDocumentNumber } from '../../shared/domain/document-number'
import { DATE_PARTS, type DatePart, type MaskedComparison } from '../../shared/domain/privacy'
import { classifyDates } from '../analysis/identity-data/compare-dates'
import { editsBetween } from '../analysis/identity-data/edit-distance'
import { parseDocumentDate } from '../analysis/identity-data/parse-date'

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

function mismatchFinding(findings: readonly StoredFinding[], code: string): StoredFinding | undefined {
  return findings.find((f) => f.cause === 'IDENTITY_DATA_MISMATCH' && f.code === code)
}

function compareDocumentNumber(typed: string, document: string, findings: readonly StoredFinding[], typoMaxEdits: number): MaskedComparison {
  const a = normaliseDocumentNumber(typed)
  const b = normaliseDocumentNumber(document)
  if (a === b) return { field: 'documentNumber', verdict: 'match', kind: null, differingParts: [], editCount: null }
  const editCount = editsBetween(a, b).length
  // The analysis knows more (look-alike characters, a copied check digit, a doubtful read): its word first.
  const analysed = mismatchFinding(findings, 'DOCUMENT_NUMBER')?.evidence.kind
  const kind = typeof analysed === 'string' ? analysed : editCount <= typoMaxEdits && editCount < b.length ? 'typo' : 'different'
  return { field: 'documentNumber', verdict: 'differs', kind, differingParts: [], editCount }
}

function compareDateOfBirth(typed: string, document: string, now: Date): MaskedComparison {
  const typedReadings = parseDocumentDate(typed, 'birth', now)
  const documentReadings = parseDocumentDate(document, 'birth', now)
  const base = { field: 'dateOfBirth' as const, editCount: null }
  if (typedReadings.length === 0 || documentReadings.length === 0) {
    // Not a date on one side: the table can only say whether the texts are the same.
    return typed === document ? { ...base, verdict: 'match', kind: null, differingParts: [] } : { ...base, verdict: 'differs', kind: 'unreadable', differingParts: [...DATE_PARTS] }
  }
  if (typedReadings.some((t) => documentReadings.includes(t))) return { ...base, verdict: 'match', kind: null, differingParts: [] }
  const t = typedReadings[0]
  // Of several readings of an ambiguous document date, the one closest to a simple slip (as the analysis does).
  const d = documentReadings.find((c) => classifyDates(t, c) !== 'different') ?? documentReadings[0]
  const tp = t.split('-')
  const dp = d.split('-')
  const differingParts = DATE_PARTS.filter((_, i) => tp[i] !== dp[i]) as DatePart[]
  return { ...base, verdict: 'differs', kind: classifyDates(t, d), differingParts }
}

/**
 * How the masked fields of the typed-vs-document table compare, from the clear values: the
 * verdict, the kind of difference and, for dates, which parts differ. Names, nationality and the
 * other fields are not masked and are compared in the renderer as before.
 */
export function compareMaskedFields(
  form: Record<string, unknown> | undefined,
  documentData: DocumentData | null,
  findings: readonly StoredFinding[],
  now: Date,
  typoMaxEdits: number,
): MaskedComparison[] {
  const fields = documentData?.fields ?? {}
  const out: MaskedComparison[] = []
  for (const field of ['documentNumber', 'dateOfBirth'] as const) {
    const typed = text(form?.[field])
    const document = text(fields[field])
    if (typed === null) out.push({ field, verdict: 'notTyped', kind: null, differingParts: [], editCount: null })
    else if (document === null) out.push({ field, verdict: 'notOnDocument', kind: null, differingParts: [], editCount: null })
    else out.push(field === 'documentNumber' ? compareDocumentNumber(typed, document, findings, typoMaxEdits) : compareDateOfBirth(typed, document, now))
  }
  return out
}
