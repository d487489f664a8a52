/** A grey (luma) image, one byte per pixel. */
export interface GreyPlane {
  data: Uint8Array
  width: number
  height: number
}

export interface PixelBox { x: number; y: number; w: number; h: number }

/** Mean, spread and clipped share of the grey levels inside a box (clipped to the image), in one pass. */
function boxStats(grey: GreyPlane, box: PixelBox, clipLevel: number): { mean: number; spread: number; clipped: number } {
  const x0 = Math.max(0, Math.floor(box.x))
  const y0 = Math.max(0, Math.floor(box.y))
  const x1 = Math.min(grey.width, Math.ceil(box.x + box.w))
  const y1 = Math.min(grey.height, Math.ceil(box.y + box.h))
  let sum = 0
  let sumSq = 0
  let count = 0
  let clipped = 0
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const v = grey.data[y * grey.width + x]
      sum += v
      sumSq += v * v
      if (v >= clipLevel) clipped++
      count++
    }
  }
  if (!count) return { mean: 0, spread: 0, clipped: 0 }
  const mean = sum / count
  return { mean, spread: Math.sqrt(Math.max(0, sumSq / count - mean * mean)), clipped: clipped / count }
}

/** Mean luma inside a box (clipped to the image), and the share of pixels at or above `clipLevel`. */
export function boxLuma(grey: GreyPlane, box: PixelBox, clipLevel = 250): { mean: number; clipped: number } {
  const { mean, clipped } = boxStats(grey, box, clipLevel)
  return { mean, clipped }
}

/**
 * Mean luma of the frame outside a box grown by `margin` box sizes on every side: the
 * background the face is seen against (a window behind the head makes it much brighter).
 */
export function backgroundLuma(grey: GreyPlane, box: PixelBox, margin: number): number {
  const gx0 = box.x - margin * box.w
  const gy0 = box.y - margin * box.h
  const gx1 = box.x + box.w * (1 + margin)
  const gy1 = box.y + box.h * (1 + margin)
  let sum = 0
  let count = 0
  // Sampled every other pixel: the mean of a 1280x720 frame does not need all 900k pixels.
  for (let y = 0; y < grey.height; y += 2) {
    const rowInside = y >= gy0 && y < gy1
    for (let x = 0; x < grey.width; x += 2) {
      if (rowInside && x >= gx0 && x < gx1) continue
      sum += grey.data[y * grey.width + x]
      count++
    }
  }
  return count ? sum / count : Number.NaN
}

/**
 * Variance of the 4-neighbour Laplacian: low when edges are soft (defocus, motion). Computed in
 * JS on raw values because sharp's convolve clamps negative responses to 0 and under-reports it.
 */
export function laplacianVariance(grey: GreyPlane): number {
  const { data, width: w, height: h } = grey
  let sum = 0
  let sumSq = 0
  let n = 0
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x
      const v = data[i - 1] + data[i + 1] + data[i - w] + data[i + w] - 4 * data[i]
      sum += v
      sumSq += v * v
      n++
    }
  }
  if (!n) return 0
  const mean = sum / n
  return sumSq / n - mean * mean
}

/** Variance of the grey levels: the image's contrast, squared. */
export function greyVariance(grey: GreyPlane): number {
  let sum = 0
  let sumSq = 0
  for (const v of grey.data) {
    sum += v
    sumSq += v * v
  }
  const n = grey.data.length
  if (!n) return 0
  const mean = sum / n
  return sumSq / n - mean * mean
}

/**
 * Sharpness along the blurriest direction: the variance of the second difference along rows,
 * columns and both diagonals, the smallest of the four. A shaken camera smears along one
 * direction and leaves edges across it sharp, so the 4-neighbour Laplacian (which adds two
 * directions) still reads high; the weakest direction does not.
 */
export function directionalSharpness(grey: GreyPlane): number {
  const { data, width: w, height: h } = grey
  const steps = [1, w, w + 1, w - 1]
  let weakest = Infinity
  for (const step of steps) {
    let sum = 0
    let sumSq = 0
    let n = 0
    for (let y = 1; y < h - 1; y++) {
      for (let x = 1; x < w - 1; x++) {
        const i = y * w + x
        const v = data[i - step] + data[i + step] - 2 * data[i]
        sum += v
        sumSq += v * v
        n++
      }
    }
    if (!n) return 0
    const mean = sum / n
    weakest = Math.min(weakest, sumSq / n - mean * mean)
  }
  return weakest
}

/** Standard deviation of the grey levels inside a box (clipped to the image): how much detail it holds. */
export function boxSpread(grey: GreyPlane, box: PixelBox): number {
  return boxStats(grey, box, 256).spread
}
