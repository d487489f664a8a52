/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition) with the edits
 * that realise it. Transpositions count as one edit because swapped neighbours (ERIKSOSN) are
 * the commonest typing slip; the npm Levenshtein packages count them as two and give no edit
 * list, which the agent needs to see where two values differ.
 */

export interface Edit {
  kind: 'substitute' | 'insert' | 'delete' | 'transpose'
  /** 1-based position in the typed value (for insert: the position the document's character would take). */
  position: number
  typed: string
  document: string
}

export function editDistance(a: string, b: string): number {
  return alignment(a, b).distance
}

/** The edits turning `typed` into `document`, in reading order. */
export function editsBetween(typed: string, document: string): Edit[] {
  return alignment(typed, document).edits
}

function alignment(a: string, b: string): { distance: number; edits: Edit[] } {
  const s = [...a]
  const t = [...b]
  const n = s.length
  const m = t.length
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1] && s[i - 1] !== s[i - 2]) v = Math.min(v, d[i - 2][j - 2] + 1)
      d[i][j] = v
    }
  }
  const edits: Edit[] = []
  let i = n
  let j = m
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && s[i - 1] === t[j - 1] && d[i][j] === d[i - 1][j - 1]) {
      i--
      j--
    } else if (i > 0 && j > 0 && d[i][j] === d[i - 1][j - 1] + 1) {
      edits.push({ kind: 'substitute', position: i, typed: s[i - 1], document: t[j - 1] })
      i--
      j--
    } else if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1] && d[i][j] === d[i - 2][j - 2] + 1) {
      edits.push({ kind: 'transpose', position: i - 1, typed: s[i - 2] + s[i - 1], document: t[j - 2] + t[j - 1] })
      i -= 2
      j -= 2
    } else if (i > 0 && d[i][j] === d[i - 1][j] + 1) {
      edits.push({ kind: 'delete', position: i, typed: s[i - 1], document: '' })
      i--
    } else {
      edits.push({ kind: 'insert', position: i + 1, typed: '', document: t[j - 1] })
      j--
    }
  }
  return { distance: d[n][m], edits: edits.reverse() }
}
