import { CAUSES, type Cause } from '../../shared/domain/causes'

export interface EvalCase {
  caseId: string
  attempt: number
  expected: string[]
  detected: Cause[]
}

export interface CauseScore {
  cause: Cause
  support: number
  tp: number
  fp: number
  fn: number
  precision: number | null
  recall: number | null
  f1: number | null
}

export interface EvalReport {
  cases: number
  exactMatch: number
  perCause: CauseScore[]
  /**
   * confusion[expected][other] = cases labelled `expected` on which `other` (not a label of the
   * case) was detected; confusion[expected]['(missed)'] = cases where `expected` was not detected.
   */
  confusion: Record<string, Record<string, number>>
  unknownLabels: string[]
  mistakes: Array<{ caseId: string; attempt: number; expected: string[]; detected: Cause[] }>
}

const round = (x: number) => Math.round(x * 1000) / 1000

export function scoreCases(cases: readonly EvalCase[]): EvalReport {
  const known = new Set<string>(CAUSES)
  const unknownLabels = new Set<string>()
  const confusion: Record<string, Record<string, number>> = {}
  const perCause = CAUSES.map((cause) => {
    let tp = 0
    let fp = 0
    let fn = 0
    for (const c of cases) {
      const exp = c.expected.includes(cause)
      const det = c.detected.includes(cause)
      if (exp && det) tp++
      else if (!exp && det) fp++
      else if (exp && !det) fn++
    }
    const precision = tp + fp ? round(tp / (tp + fp)) : null
    const recall = tp + fn ? round(tp / (tp + fn)) : null
    const f1 = tp + fp + fn ? round((2 * tp) / (2 * tp + fp + fn)) : null
    return { cause, support: tp + fn, tp, fp, fn, precision, recall, f1 }
  })
  let exactMatch = 0
  const mistakes: EvalReport['mistakes'] = []
  for (const c of cases) {
    c.expected.filter((e) => !known.has(e)).forEach((e) => unknownLabels.add(e))
    const same = c.expected.length === c.detected.length && c.expected.every((e) => c.detected.includes(e as Cause))
    if (same) exactMatch++
    else mistakes.push({ caseId: c.caseId, attempt: c.attempt, expected: c.expected, detected: c.detected })
    for (const e of c.expected) {
      const row = (confusion[e] ??= {})
      if (!c.detected.includes(e as Cause)) row['(missed)'] = (row['(missed)'] ?? 0) + 1
      for (const d of c.detected) if (!c.expected.includes(d)) row[d] = (row[d] ?? 0) + 1
    }
    if (c.expected.length === 0) {
      const row = (confusion['(none)'] ??= {})
      for (const d of c.detected) row[d] = (row[d] ?? 0) + 1
    }
  }
  return { cases: cases.length, exactMatch, perCause, confusion, unknownLabels: [...unknownLabels], mistakes }
}

export function formatReport(r: EvalReport): string {
  const lines = [`${r.cases} cases, ${r.exactMatch} with exactly the expected causes`, '']
  lines.push('cause                      support   tp   fp   fn  precision  recall     F1')
  const f = (x: number | null) => (x === null ? '     -' : x.toFixed(3).padStart(6))
  for (const s of r.perCause) {
    lines.push(`${s.cause.padEnd(26)} ${String(s.support).padStart(7)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}     ${f(s.precision)}  ${f(s.recall)} ${f(s.f1)}`)
  }
  const confusionRows = Object.entries(r.confusion).filter(([, row]) => Object.keys(row).length)
  if (confusionRows.length) {
    lines.push('', 'confusion (expected → also detected / missed):')
    for (const [exp, row] of confusionRows) {
      lines.push(`  ${exp}: ${Object.entries(row).map(([k, n]) => `${k} ×${n}`).join(', ')}`)
    }
  }
  if (r.unknownLabels.length) lines.push('', `unknown labels in expected.causes: ${r.unknownLabels.join(', ')}`)
  return lines.join('\n')
}
