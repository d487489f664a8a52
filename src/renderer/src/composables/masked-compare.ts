import type { MaskedComparison } from '../../../shared/domain/privacy'
import type { DiffSegment } from './char-diff'
import type { FieldRow } from './field-compare'

/** A row of the typed-vs-document table whose values are masked until the case is revealed. */
export type MaskedFieldRow = FieldRow & {
  masked: true
  /** What kind of difference main found in the clear values (`typo`, `day-month-swapped`, …). */
  maskedKind: string | null
  editCount: number | null
}

const MASKED_ISO = /^(.{4})-(.{2})-(.{2})$/

/** The masked date's year, month and day, each marked when main says that part differs. */
function dateParts(value: string | null, differing: readonly string[], op: 'removed' | 'added'): DiffSegment[] {
  if (!value) return []
  const m = MASKED_ISO.exec(value)
  if (!m) return [{ op: differing.length ? op : 'same', text: value }]
  const parts = [['year', m[1]], ['month', m[2]], ['day', m[3]]] as const
  const out: DiffSegment[] = []
  parts.forEach(([part, text], i) => {
    if (i > 0) out.push({ op: 'same', text: '-' })
    out.push({ op: differing.includes(part) ? op : 'same', text })
  })
  return out
}

function plain(value: string | null, differs: boolean, op: 'removed' | 'added'): DiffSegment[] {
  return value ? [{ op: differs ? op : 'same', text: value }] : []
}

/**
 * The table's rows with main's verdict for the masked fields: comparing two masks in the
 * renderer would be meaningless (`L8••••C3` and `L8••••C3` may be different numbers), so the
 * verdict, the kind of difference and, for dates, the differing parts come from main, which
 * compared the clear values. A masked number that differs is marked whole.
 */
export function withMaskedComparison(rows: FieldRow[], masked: readonly MaskedComparison[] | undefined): Array<FieldRow | MaskedFieldRow> {
  if (!masked?.length) return rows
  return rows.map((row) => {
    const m = masked.find((x) => x.field === row.field)
    if (!m) return row
    const differs = m.verdict === 'differs'
    const date = row.field === 'dateOfBirth'
    return {
      ...row,
      verdict: m.verdict,
      masked: true,
      maskedKind: m.kind,
      editCount: m.editCount,
      dayMonthSwap: m.kind === 'day-month-swapped',
      typedParts: date ? dateParts(row.typed, differs ? m.differingParts : [], 'removed') : plain(row.typed, differs, 'removed'),
      documentParts: date ? dateParts(row.document, differs ? m.differingParts : [], 'added') : plain(row.document, differs, 'added'),
    }
  })
}

export function isMaskedRow(row: FieldRow | MaskedFieldRow): row is MaskedFieldRow {
  return 'masked' in row && row.masked === true
}
