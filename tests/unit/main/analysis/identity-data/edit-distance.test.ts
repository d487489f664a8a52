import { describe, expect, it } from 'vitest'
import { editDistance, editsBetween } from '../../../../../src/main/analysis/identity-data/edit-distance'

describe('edit distance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('ERIKSSON', 'ERIKSOSN')).toBe(1)
    expect(editsBetween('ERIKSOSN', 'ERIKSSON')).toEqual([{ kind: 'transpose', position: 6, typed: 'OS', document: 'SO' }])
  })

  it('lists insertions, deletions and substitutions with positions in the typed value', () => {
    // Of the equally short alignments of a doubled letter, the first place it could go.
    expect(editsBetween('ERIKSON', 'ERIKSSON')).toEqual([{ kind: 'insert', position: 5, typed: '', document: 'S' }])
    expect(editsBetween('ERKSSON', 'ERIKSSON')).toEqual([{ kind: 'insert', position: 3, typed: '', document: 'I' }])
    expect(editsBetween('ERIKSSSON', 'ERIKSSON')).toEqual([{ kind: 'delete', position: 5, typed: 'S', document: '' }])
    expect(editsBetween('L8989O2C3', 'L898902C3')).toEqual([{ kind: 'substitute', position: 6, typed: 'O', document: '0' }])
    expect(editDistance('', 'ABC')).toBe(3)
  })
})
