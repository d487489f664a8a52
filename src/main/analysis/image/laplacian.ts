import type { GreyImage } from './types'

/**
 * Variance of the Laplacian (kernel [0 1 0; 1 -4 1; 0 1 0], OpenCV's `Laplacian` with ksize 1
 * and its default BORDER_REFLECT_101), computed exactly on raw pixels in double precision.
 * sharp's `convolve` clamps its output to 0..255, which drops every negative response and
 * under-reports the variance, so it is not used for this.
 */
export function laplacianVariance(img: GreyImage): number {
  const { data, width: w, height: h } = img
  if (w < 2 || h < 2) return 0
  let sum = 0
  let sumSq = 0
  for (let y = 0; y < h; y++) {
    const row = y * w
    const up = (y === 0 ? 1 : y - 1) * w
    const down = (y === h - 1 ? h - 2 : y + 1) * w
    // Borders handled apart so the inner loop has no branches.
    for (const x of w > 1 ? [0, w - 1] : [0]) {
      const l = x === 0 ? 1 : x - 1
      const r = x === w - 1 ? w - 2 : x + 1
      const v = data[up + x] + data[down + x] + data[row + l] + data[row + r] - 4 * data[row + x]
      sum += v
      sumSq += v * v
    }
    for (let x = 1; x < w - 1; x++) {
      const i = row + x
      const v = data[up + x] + data[down + x] + data[i - 1] + data[i + 1] - 4 * data[i]
      sum += v
      sumSq += v * v
    }
  }
  const n = w * h
  const mean = sum / n
  return sumSq / n - mean * mean
}
