import { describe, expect, it } from 'vitest'
import { directionalSharpness, greyVariance, laplacianVariance, type GreyPlane } from '../../../../../src/main/analysis/face/image-stats'
import { prng } from '../../../../bench/stats'

/** Seeded random texture, with detail in every direction like skin, hair and eyelashes. */
function texture(size: number): GreyPlane {
  const rnd = prng(11)
  const data = new Uint8Array(size * size)
  for (let i = 0; i < data.length; i++) data[i] = Math.round(60 + 120 * rnd())
  return { data, width: size, height: size }
}

/** The same smeared along one direction (dx, dy) over `length` pixels: camera shake. */
function smear(img: GreyPlane, length: number, dx: number, dy: number): GreyPlane {
  const { width: w, height: h } = img
  const data = new Uint8Array(w * h)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0
      for (let k = 0; k < length; k++) {
        const sx = Math.min(w - 1, Math.max(0, x + (k - (length >> 1)) * dx))
        const sy = Math.min(h - 1, Math.max(0, y + (k - (length >> 1)) * dy))
        sum += img.data[sy * w + sx]
      }
      data[y * w + x] = Math.round(sum / length)
    }
  }
  return { data, width: w, height: h }
}

const relative = (measure: (g: GreyPlane) => number, g: GreyPlane) => measure(g) / greyVariance(g)

describe('directionalSharpness', () => {
  it('falls for camera shake in any direction while the Laplacian still reads much of the sharpness', () => {
    const sharp = texture(96)
    for (const [dx, dy] of [[1, 0], [0, 1], [1, 1], [1, -1]]) {
      const shaken = smear(sharp, 9, dx, dy)
      // Edges across the motion stay: the Laplacian keeps over a third of its sharp value …
      const laplacianKept = relative(laplacianVariance, shaken) / relative(laplacianVariance, sharp)
      expect(laplacianKept, `${dx},${dy}`).toBeGreaterThan(0.3)
      // … the weakest direction keeps under a tenth, several times less.
      const directionalKept = relative(directionalSharpness, shaken) / relative(directionalSharpness, sharp)
      expect(directionalKept, `${dx},${dy}`).toBeLessThan(0.1)
      expect(directionalKept * 4, `${dx},${dy}`).toBeLessThan(laplacianKept)
    }
  })

  it('is zero on a flat image and never above the Laplacian of the same image', () => {
    const flat: GreyPlane = { data: new Uint8Array(64 * 64).fill(128), width: 64, height: 64 }
    expect(directionalSharpness(flat)).toBe(0)
    const t = texture(64)
    expect(directionalSharpness(t)).toBeGreaterThan(0)
    expect(directionalSharpness(t)).toBeLessThan(laplacianVariance(t))
  })
})
