import { sampleBilinear, type GreyImage } from './grey-image'
import { frameToImage, type BandCandidate, type LineBox } from './locate-band'
import { LINE_HEIGHT, type LineImage } from './recogniser'

/** How much room to leave around a line's ink, in line heights. */
export interface CropSettings {
  linePadVertical: number
  linePadHorizontal: number
  /** Horizontal stretch of the line: the model reads dense OCR-B '<' runs better when characters are wider than tall. */
  lineStretch: number
}

/**
 * Cuts one MRZ line out of the full-resolution image along the band's text direction (which
 * deskews and un-rotates it in one step), scaled to the recogniser's line height, contrast
 * stretched so faded or dim photos give black ink on white paper.
 * `scale` converts locator-image pixels to `hi` pixels; `flip` reads the band upside down.
 */
export function cropLine(hi: GreyImage, scale: number, band: BandCandidate, line: LineBox, s: CropSettings): LineImage {
  const h = line.v1 - line.v0
  const u0 = line.u0 - s.linePadHorizontal * h
  const u1 = line.u1 + s.linePadHorizontal * h
  const v0 = line.v0 - s.linePadVertical * h
  const v1 = line.v1 + s.linePadVertical * h
  const step = (v1 - v0) / LINE_HEIGHT
  const stepU = step / s.lineStretch
  const width = Math.max(LINE_HEIGHT, Math.round((u1 - u0) / stepU))
  const data = new Uint8Array(width * LINE_HEIGHT)
  // Sampling a much larger source pixel grid: average a small supersample to avoid aliasing.
  const sub = Math.min(4, Math.max(1, Math.round(step * scale)))
  for (let j = 0; j < LINE_HEIGHT; j++) {
    for (let i = 0; i < width; i++) {
      let sum = 0
      for (let a = 0; a < sub; a++) {
        for (let b = 0; b < sub; b++) {
          const [x, y] = frameToImage(band, u0 + (i + (a + 0.5) / sub) * stepU, v0 + (j + (b + 0.5) / sub) * step)
          sum += sampleBilinear(hi, x * scale, y * scale)
        }
      }
      data[j * width + i] = sum / (sub * sub)
    }
  }
  const pad = (s.linePadHorizontal * h) / stepU
  return { ...stretchContrast({ data, width, height: LINE_HEIGHT }), ink: [pad, width - pad] }
}


function stretchContrast(img: GreyImage): GreyImage {
  const hist = new Uint32Array(256)
  for (const v of img.data) hist[v]++
  const n = img.data.length
  const at = (q: number) => {
    let acc = 0
    for (let v = 0; v < 256; v++) { acc += hist[v]; if (acc >= q * n) return v }
    return 255
  }
  const lo = at(0.02)
  const hi = at(0.9)
  if (hi - lo < 8) return img
  const data = new Uint8Array(n)
  for (let i = 0; i < n; i++) data[i] = Math.max(0, Math.min(255, Math.round(((img.data[i] - lo) * 255) / (hi - lo))))
  return { ...img, data }
}
