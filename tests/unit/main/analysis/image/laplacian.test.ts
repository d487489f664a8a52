import { describe, expect, it } from 'vitest'
import { laplacianVariance } from '../../../../../src/main/analysis/image/laplacian'
import { blurEffect, gradientTiles } from '../../../../../src/main/analysis/image/gradient-tiles'

/** Straightforward reference: 4-neighbour Laplacian with OpenCV's BORDER_REFLECT_101. */
function reference(data: Uint8Array, w: number, h: number): number {
  const at = (x: number, y: number) => {
    const rx = x < 0 ? -x : x >= w ? 2 * w - 2 - x : x
    const ry = y < 0 ? -y : y >= h ? 2 * h - 2 - y : y
    return data[ry * w + rx]
  }
  const values: number[] = []
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) values.push(at(x - 1, y) + at(x + 1, y) + at(x, y - 1) + at(x, y + 1) - 4 * at(x, y))
  const mean = values.reduce((a, b) => a + b, 0) / values.length
  return values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length
}

describe('laplacianVariance', () => {
  it('equals the reference (negative responses kept, borders reflected) on a random image', () => {
    const w = 37
    const h = 23
    const data = new Uint8Array(w * h)
    let seed = 7
    for (let i = 0; i < data.length; i++) data[i] = (seed = (seed * 1103515245 + 12345) >>> 0) % 256
    expect(laplacianVariance({ data, width: w, height: h })).toBeCloseTo(reference(data, w, h), 6)
  })

  it('is zero on a flat image and larger on a sharp step than on a smooth ramp', () => {
    const w = 64
    const flat = new Uint8Array(w * w).fill(128)
    const step = new Uint8Array(w * w).map((_, i) => (i % w < 32 ? 20 : 230))
    const ramp = new Uint8Array(w * w).map((_, i) => 20 + Math.round(((i % w) * 210) / (w - 1)))
    expect(laplacianVariance({ data: flat, width: w, height: w })).toBe(0)
    expect(laplacianVariance({ data: step, width: w, height: w })).toBeGreaterThan(laplacianVariance({ data: ramp, width: w, height: w }) * 10)
  })
})

describe('blurEffect', () => {
  it('reads a hard edge as sharp and a 12-pixel ramp as blurred, whatever the contrast', () => {
    const w = 96
    const make = (lo: number, hi: number, width: number) =>
      new Uint8Array(w * w).map((_, i) => {
        const x = i % w
        return Math.round(lo + (hi - lo) * Math.min(1, Math.max(0, (x - 48 + width / 2) / Math.max(1, width))))
      })
    const judge = (d: Uint8Array) => blurEffect(gradientTiles({ data: d, width: w, height: w }, 32).tiles).x
    expect(judge(make(20, 230, 0))).toBeLessThan(0.3)
    expect(judge(make(100, 140, 0))).toBeLessThan(0.3)
    expect(judge(make(20, 230, 12))).toBeGreaterThan(0.5)
  })
})
