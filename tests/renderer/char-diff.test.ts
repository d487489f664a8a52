import { describe, expect, it } from 'vitest'
import { charDiff, diffSides } from '../../src/renderer/src/composables/char-diff'

const show = (a: string, b: string) => charDiff(a, b).map((s) => (s.op === 'same' ? s.text : s.op === 'removed' ? `[-${s.text}]` : `[+${s.text}]`)).join('')

describe('character diff', () => {
  it('marks nothing when the values are equal', () => {
    expect(charDiff('ERIKSSON', 'ERIKSSON')).toEqual([{ op: 'same', text: 'ERIKSSON' }])
  })

  it('finds a single changed letter in a name', () => {
    expect(show('ERIKSON', 'ERIKSSON')).toBe('ERIKS[+S]ON')
    expect(show('MULLER', 'MUELLER')).toBe('MU[+E]LLER')
  })

  it('shows an O/0 confusion in a document number as one removed and one added character', () => {
    expect(show('L8989O2C3', 'L898902C3')).toBe('L8989[-O][+0]2C3')
  })

  it('treats CJK characters and accents as single characters', () => {
    expect(show('林美华', '林美華')).toBe('林美[-华][+華]')
    expect(show('JOSÉ', 'JOSE')).toBe('JOS[-É][+E]')
  })

  it('handles empty sides', () => {
    expect(charDiff('', 'ABC')).toEqual([{ op: 'added', text: 'ABC' }])
    expect(charDiff('ABC', '')).toEqual([{ op: 'removed', text: 'ABC' }])
    expect(charDiff('', '')).toEqual([])
  })

  it('splits into the two sides for display', () => {
    const { left, right } = diffSides(charDiff('1974-12-08', '1974-08-12'))
    expect(left.map((s) => s.text).join('')).toBe('1974-12-08')
    expect(right.map((s) => s.text).join('')).toBe('1974-08-12')
    expect(left.some((s) => s.op === 'removed')).toBe(true)
    expect(right.some((s) => s.op === 'added')).toBe(true)
  })

  it('keeps every character of both inputs in order', () => {
    const a = 'ANNA MARIA ERIKSSON'
    const b = 'ANA MARIE ERICSON'
    const segs = charDiff(a, b)
    expect(segs.filter((s) => s.op !== 'added').map((s) => s.text).join('')).toBe(a)
    expect(segs.filter((s) => s.op !== 'removed').map((s) => s.text).join('')).toBe(b)
  })
})
