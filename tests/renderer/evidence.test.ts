import { describe, expect, it } from 'vitest'
import { evidenceRows, formatNumber, humaniseKey } from '../../src/renderer/src/composables/evidence'

describe('evidence shown to the agent', () => {
  it('pairs a single generic threshold with the single measured number', () => {
    const rows = evidenceRows({ glareFraction: 0.0643, threshold: 0.02 })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ key: 'glareFraction', label: 'Glare fraction', value: { kind: 'number', value: 0.0643 }, threshold: { key: 'threshold', value: { value: 0.02 } } })
  })

  it('pairs named thresholds: minX, maxX, xThreshold', () => {
    const rows = evidenceRows({ similarity: 0.31, minSimilarity: 0.45, sharpness: 40, sharpnessThreshold: 100, width: 640, maxWidth: 5000 })
    const by = Object.fromEntries(rows.map((r) => [r.key, r]))
    expect(Object.keys(by)).toEqual(['similarity', 'sharpness', 'width'])
    expect(by.similarity.threshold).toMatchObject({ bound: 'min', key: 'minSimilarity' })
    expect(by.sharpness.threshold).toMatchObject({ bound: 'limit', key: 'sharpnessThreshold' })
    expect(by.width.threshold).toMatchObject({ bound: 'max', key: 'maxWidth' })
  })

  it('pairs a generic threshold with the number written just before it', () => {
    const rows = evidenceRows({ similarity: 0.31, threshold: 0.48, distance: 0.82, maxDistance: 0.62 })
    expect(rows.map((r) => [r.key, r.threshold?.key ?? null])).toEqual([['similarity', 'threshold'], ['distance', 'maxDistance']])
  })

  it('leaves an ambiguous generic threshold as its own row', () => {
    const rows = evidenceRows({ b: 2, c: 3, a: 'x', threshold: 3 })
    expect(rows.map((r) => [r.key, r.threshold])).toEqual([['b', null], ['c', null], ['a', null], ['threshold', null]])
  })

  it('shows lists, booleans and objects readably', () => {
    const rows = evidenceRows({ countries: ['SE', 'BR'], twoFactorEnabled: false, box: { x: 1 } })
    expect(rows.map((r) => r.value)).toEqual([
      { kind: 'list', value: 'SE, BR' }, { kind: 'boolean', value: false }, { kind: 'text', value: 'x 1' },
    ])
  })

  it('shows regions and lists of objects as short rounded text', () => {
    const [r, l] = evidenceRows({ region: { x: 0.15142428785607195, y: 0.3727272727 }, selfies: [{ file: 'a.png', width: 150 }, { file: 'b.png', width: 90 }] })
    expect(r.value).toEqual({ kind: 'text', value: 'x 0.151, y 0.373' })
    expect(l.value).toEqual({ kind: 'list', value: 'file a.png, width 150; file b.png, width 90' })
  })

  it('rounds numbers for reading, by locale', () => {
    expect(formatNumber(0.064312, 'en')).toBe('0.064')
    expect(formatNumber(12.3456, 'en')).toBe('12.3')
    expect(formatNumber(1234567.8, 'en')).toBe('1,234,568')
    expect(formatNumber(1234.5, 'zh-CN')).toBe('1,235')
  })

  it('humanises keys', () => {
    expect(humaniseKey('maxKmPerHour')).toBe('Max km per hour')
    expect(humaniseKey('MRZLineCount')).toBe('Mrz line count')
  })
})
