/** One run of a character diff: text both sides share, or text only one side has. */
export interface DiffSegment {
  op: 'same' | 'removed' | 'added'
  text: string
}

/** Past this many cells the LCS table costs more than it helps: fall back to "all different". */
const MAX_CELLS = 250_000

/**
 * Character diff of `a` (e.g. what the customer typed) against `b` (what the document says) by
 * longest common subsequence over code points, so CJK and accented letters count as one each.
 * `removed` = only in `a`, `added` = only in `b`.
 */
export function charDiff(a: string, b: string): DiffSegment[] {
  const x = [...a]
  const y = [...b]
  const n = x.length
  const m = y.length
  if (n * m > MAX_CELLS) return merge([...(n ? [{ op: 'removed' as const, text: a }] : []), ...(m ? [{ op: 'added' as const, text: b }] : [])])
  // lcs[i][j] = length of the LCS of x[i..] and y[j..]
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
    }
  }
  const out: DiffSegment[] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      out.push({ op: 'same', text: x[i] })
      i++
      j++
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      out.push({ op: 'removed', text: x[i++] })
    } else {
      out.push({ op: 'added', text: y[j++] })
    }
  }
  while (i < n) out.push({ op: 'removed', text: x[i++] })
  while (j < m) out.push({ op: 'added', text: y[j++] })
  return merge(out)
}

export function merge(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = []
  for (const s of segments) {
    const last = out[out.length - 1]
    if (last && last.op === s.op) last.text += s.text
    else out.push({ ...s })
  }
  return out
}

/** The two sides of a diff for side-by-side display: left without `added`, right without `removed`. */
export function diffSides(segments: DiffSegment[]): { left: DiffSegment[]; right: DiffSegment[] } {
  return {
    left: segments.filter((s) => s.op !== 'added'),
    right: segments.filter((s) => s.op !== 'removed'),
  }
}
