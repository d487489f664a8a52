import type { AttemptDetail } from '../../../shared/domain/case'
import type { Cause } from '../../../shared/domain/causes'
import { detectedCauses } from './bundle'

export interface FieldChange {
  field: string
  before: string | null
  after: string | null
}

export interface AttemptChanges {
  formChanges: FieldChange[]
  /** Causes the earlier attempt had that this one no longer has: what the customer fixed. */
  resolvedCauses: Cause[]
  /** Causes this attempt has that the earlier one did not. */
  newCauses: Cause[]
  /** Causes both attempts have: what the customer did not fix. */
  persistingCauses: Cause[]
  /** Files whose content changed, appeared or disappeared, by name. */
  changedFiles: string[]
}

/** `{ address: { city: 'X' } }` → `{ 'address.city': 'X' }`. */
function flatten(value: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out)
  } else if (value !== undefined && value !== null) {
    out[prefix] = Array.isArray(value) ? value.join(', ') : String(value)
  }
  return out
}

/** What changed from `before` to `after` (two attempts of one case). */
export function attemptChanges(before: AttemptDetail, after: AttemptDetail): AttemptChanges {
  const a = flatten(before.bundle.form)
  const b = flatten(after.bundle.form)
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])]
  const formChanges = fields.filter((f) => a[f] !== b[f]).map((f) => ({ field: f, before: a[f] ?? null, after: b[f] ?? null }))

  const was = detectedCauses(before)
  const now = detectedCauses(after)
  const filesBefore = new Map(before.files.map((f) => [f.name, f.sha256]))
  const filesAfter = new Map(after.files.map((f) => [f.name, f.sha256]))
  const names = [...new Set([...filesBefore.keys(), ...filesAfter.keys()])]
  return {
    formChanges,
    resolvedCauses: was.filter((c) => !now.includes(c)),
    newCauses: now.filter((c) => !was.includes(c)),
    persistingCauses: now.filter((c) => was.includes(c)),
    changedFiles: names.filter((n) => filesBefore.get(n) !== filesAfter.get(n)),
  }
}
