import type { GreyImage, RgbImage } from './types'

/** Rec. 601 luma, 0..255 per pixel (the weighting JPEG itself uses). */
export function lumaOf(img: RgbImage): GreyImage {
  const n = img.width * img.height
  const out = new Uint8Array(n)
  const d = img.data
  for (let i = 0, j = 0; i < n; i++, j += 3) out[i] = (d[j] * 299 + d[j + 1] * 587 + d[j + 2] * 114 + 500) / 1000
  return { data: out, width: img.width, height: img.height }
}

/** Histogram of 256 bins. */
export function histogram(data: Uint8Array): Uint32Array {
  const h = new Uint32Array(256)
  for (let i = 0; i < data.length; i++) h[data[i]]++
  return h
}

/** The value below which `q` (0..1) of the samples lie. */
export function percentileOf(hist: Uint32Array, q: number): number {
  let total = 0
  for (let v = 0; v < 256; v++) total += hist[v]
  const target = q * total
  let acc = 0
  for (let v = 0; v < 256; v++) {
    acc += hist[v]
    if (acc >= target && acc > 0) return v
  }
  return 255
}
