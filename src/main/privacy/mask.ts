import { MIN_SUBSTRING_LENGTH, type Replacement } from './sensitive-values'

const SHA256 = /^[a-f0-9]{64}$/
/** An MRZ line: fields are glued together with no separator, so values are found anywhere in it. */
const MRZ_LINE = /^[A-Z0-9<]{28,46}$/
const WORD_CHAR = /[\p{L}\p{N}]/u

function replaceAll(text: string, r: Replacement, bounded: boolean): string {
  let out = ''
  let from = 0
  for (;;) {
    const at = text.indexOf(r.clear, from)
    if (at < 0) return out + text.slice(from)
    const before = at > 0 ? text[at - 1] : ''
    const after = text[at + r.clear.length] ?? ''
    if (bounded && (WORD_CHAR.test(before) || WORD_CHAR.test(after))) {
      out += text.slice(from, at + 1)
      from = at + 1
      continue
    }
    out += text.slice(from, at) + r.masked
    from = at + r.clear.length
  }
}

/**
 * The text with every clear value replaced by its mask. A value must stand on its own (no letter
 * or digit right before or after it), so `740812` is not masked inside a longer number or a
 * hash, except in MRZ lines, where every field is glued to the next.
 */
export function maskText(text: string, replacements: readonly Replacement[]): string {
  if (SHA256.test(text)) return text
  const mrz = MRZ_LINE.test(text)
  let out = text
  for (const r of replacements) {
    if (r.mrzOnly && !mrz) continue
    if (r.clear.length < MIN_SUBSTRING_LENGTH) {
      if (out.trim() === r.clear) return r.masked
      continue
    }
    if (out.includes(r.clear)) out = replaceAll(out, r, !mrz)
  }
  return out
}

/** A deep copy of `value` with every string masked (keys are left alone). */
export function maskDeep<T>(value: T, replacements: readonly Replacement[]): T {
  if (replacements.length === 0) return value
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return maskText(v, replacements)
    if (Array.isArray(v)) return v.map(walk)
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
    return v
  }
  return walk(value) as T
}
