import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, filesUnder } from './source-ast'

// Customer text (names, addresses, vendor messages) must reach the page as text. These are the
// ways to turn a string into markup or code; the lint rule vue/no-v-html covers templates too,
// this also covers render functions and plain TypeScript.
const FORBIDDEN: { what: string; pattern: RegExp }[] = [
  { what: 'v-html', pattern: /\bv-html\b/ },
  { what: 'innerHTML / outerHTML', pattern: /\.(inner|outer)HTML\b|\binnerHTML\s*:/ },
  { what: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/ },
  { what: 'document.write', pattern: /\bdocument\.write(ln)?\s*\(/ },
  { what: 'eval / new Function', pattern: /\beval\s*\(|\bnew\s+Function\s*\(/ },
  { what: 'string timers', pattern: /\bset(Timeout|Interval)\s*\(\s*['"`]/ },
]

describe('renderer source', () => {
  const files = filesUnder('src/renderer', ['.vue', '.ts', '.html'])

  it('finds the renderer files', () => {
    expect(files.length).toBeGreaterThan(5)
  })

  it.each(FORBIDDEN)('uses no $what', ({ pattern }) => {
    const offenders = files.filter((file) => pattern.test(readFileSync(join(ROOT, file), 'utf8')))
    expect(offenders).toEqual([])
  })
})
