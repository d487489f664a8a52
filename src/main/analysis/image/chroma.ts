import { percentileOf } from './luma'
import type { RgbImage, RgbStats } from './types'

/** Chroma above this many levels is visible colour; JPEG noise on a grey image stays below about 6. */
const COLOURED_CHROMA = 16

export function rgbStatsOf(img: RgbImage): RgbStats {
  const d = img.data
  const n = img.width * img.height
  const hist = new Uint32Array(256)
  let r = 0
  let g = 0
  let b = 0
  let chromaSum = 0
  let coloured = 0
  for (let j = 0; j < d.length; j += 3) {
    const R = d[j]
    const G = d[j + 1]
    const B = d[j + 2]
    r += R
    g += G
    b += B
    const c = Math.max(R, G, B) - Math.min(R, G, B)
    chromaSum += c
    hist[c]++
    if (c > COLOURED_CHROMA) coloured++
  }
  return {
    mean: [r / n, g / n, b / n],
    meanChroma: chromaSum / n,
    p95Chroma: percentileOf(hist, 0.95),
    colouredFraction: coloured / n,
  }
}
