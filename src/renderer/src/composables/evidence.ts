/**
 * Evidence of a finding, made readable: each measured value beside the threshold it was compared
 * with. Analysers name thresholds either generically (`threshold`, `min`, `max`, `limit`) or after
 * the value (`similarityThreshold`, `minSimilarity`, `maxBlurVariance`); both are paired here.
 */
import { formatDecimal } from './format'
export type EvidenceValue =
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'text'; value: string }
  | { kind: 'list'; value: string }

export interface EvidenceRow {
  key: string
  label: string
  value: EvidenceValue
  /** The limit this value was compared with, and which way it points. */
  threshold: { value: EvidenceValue; bound: 'min' | 'max' | 'limit'; key: string } | null
}

const GENERIC = /^(threshold|limit|min|max|minimum|maximum)$/i
const PREFIXED = /^(min|max|minimum|maximum)([A-Z].*)$/
const SUFFIXED = /^(.*?)(Threshold|Limit|Min|Max|Minimum|Maximum)$/

function boundOf(word: string): 'min' | 'max' | 'limit' {
  const w = word.toLowerCase()
  if (w.startsWith('min')) return 'min'
  if (w.startsWith('max')) return 'max'
  return 'limit'
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1)
}

/** "glareFraction" → "Glare fraction"; "iso_code" → "Iso code". */
export function humaniseKey(key: string): string {
  const words = key
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function toEvidenceValue(value: unknown): EvidenceValue {
  if (typeof value === 'number') return { kind: 'number', value }
  if (typeof value === 'boolean') return { kind: 'boolean', value }
  if (typeof value === 'string') return { kind: 'text', value }
  if (Array.isArray(value)) return { kind: 'list', value: value.map(compact).join(value.some((v) => v && typeof v === 'object') ? '; ' : ', ') }
  return { kind: 'text', value: compact(value) }
}

export function evidenceRows(evidence: Record<string, unknown>): EvidenceRow[] {
  const keys = Object.keys(evidence)
  const used = new Set<string>()
  const thresholdOf = new Map<string, { key: string; bound: 'min' | 'max' | 'limit' }>()

  for (const key of keys) {
    const pre = PREFIXED.exec(key)
    const suf = SUFFIXED.exec(key)
    const base = pre ? lowerFirst(pre[2]) : suf && suf[1] ? suf[1] : null
    if (base && base in evidence && base !== key) {
      thresholdOf.set(base, { key, bound: boundOf(pre ? pre[1] : suf![2]) })
      used.add(key)
    }
  }
  // A generic threshold belongs to the measured number written just before it
  // ({ similarity, threshold }), or to the only measured number there is.
  const free = (k: string) => !GENERIC.test(k) && !used.has(k) && !thresholdOf.has(k) && typeof evidence[k] === 'number'
  for (const g of keys.filter((k) => GENERIC.test(k))) {
    const before = keys[keys.indexOf(g) - 1]
    const unpaired = keys.filter(free)
    const target = before !== undefined && free(before) ? before : unpaired.length === 1 ? unpaired[0] : null
    if (target) {
      thresholdOf.set(target, { key: g, bound: boundOf(g) })
      used.add(g)
    }
  }

  return keys
    .filter((k) => !used.has(k))
    .map((key) => {
      const t = thresholdOf.get(key)
      return {
        key,
        label: humaniseKey(key),
        value: toEvidenceValue(evidence[key]),
        threshold: t ? { key: t.key, bound: t.bound, value: toEvidenceValue(evidence[t.key]) } : null,
      }
    })
}

/** Nested values as short text: `x 0.151, y 0.373` rather than JSON with 17-digit floats. */
function compact(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(3)))
  if (value === null || value === undefined) return '—'
  if (Array.isArray(value)) return value.map(compact).join(', ')
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k} ${compact(v)}`).join(', ')
  return String(value)
}

/** Numbers for people: at most 3 significant digits after the point, grouped by locale. */
export function formatNumber(n: number, locale: string): string {
  if (!Number.isFinite(n)) return String(n)
  const abs = Math.abs(n)
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3
  return formatDecimal(n, locale, digits)
}
