import type { Region } from '../../../shared/domain/finding'
import { connectedComponents, type Component } from '../image/components'
import type { DecodedImage } from '../image/types'
import type { QualitySettings } from './quality-settings'

export interface GlareMeasure {
  /** Share of the image covered by glare blobs. */
  fraction: number
  blobs: number
  /** The largest blob: its share of the image and where it is (normalised). */
  largest: { fraction: number; fill: number; region: Region } | null
}

/** Cells of about 1/96 of the long side: a blob is judged on cells, not single pixels. */
const CELLS_ALONG_LONG_SIDE = 96

/**
 * Specular highlights: cells that are almost all near-white and colourless (a reflection washes
 * out the print's colour), grouped into connected blobs. A blob counts as glare when it sits
 * inside the frame (not touching an edge: white margins, a white table or a blown-out background
 * do), covers a meaningful share but not most of the image (that is over-exposure or a white
 * page), and is compact (a glare patch is a filled ellipse, not the thin network of white gaps
 * between lines of text).
 */
export function measureGlare(img: DecodedImage, s: QualitySettings): GlareMeasure {
  const { rgb, grey } = img
  const w = grey.width
  const h = grey.height
  const c = Math.max(4, Math.round(Math.max(w, h) / CELLS_ALONG_LONG_SIDE))
  const cols = Math.ceil(w / c)
  const rows = Math.ceil(h / c)
  const hits = new Uint32Array(cols * rows)
  const counts = new Uint32Array(cols * rows)
  const darkest = new Uint8Array(cols * rows).fill(255)
  for (let y = 0; y < h; y++) {
    const rowCell = Math.floor(y / c) * cols
    for (let x = 0; x < w; x++) {
      const i = y * w + x
      const k = rowCell + Math.floor(x / c)
      counts[k]++
      const v = grey.data[i]
      if (v < darkest[k]) darkest[k] = v
      if (v < s.highlightLevel) continue
      const r = rgb.data[3 * i]
      const gg = rgb.data[3 * i + 1]
      const b = rgb.data[3 * i + 2]
      if (Math.max(r, gg, b) - Math.min(r, gg, b) <= s.highlightMaxChroma) hits[k]++
    }
  }
  const mask = new Uint8Array(cols * rows)
  for (let k = 0; k < mask.length; k++) mask[k] = hits[k] >= s.glareCellShare * counts[k] ? 1 : 0
  const total = cols * rows
  const blobs = connectedComponents(mask, cols, rows).filter((comp) => {
    const fraction = comp.cells.length / total
    const touches = comp.x0 === 0 || comp.y0 === 0 || comp.x1 === cols - 1 || comp.y1 === rows - 1
    const fill = comp.cells.length / ((comp.x1 - comp.x0 + 1) * (comp.y1 - comp.y0 + 1))
    if (touches || fraction < s.minGlareFraction || fraction > s.maxGlareFraction || fill < s.minGlareFill) return false
    return ringInk(comp, darkest, cols, rows) >= s.minGlareHaloLevel
  })
  const round = (v: number) => Math.round(v * 1000) / 1000
  const largest = blobs[0]
  return {
    fraction: round(blobs.reduce((sum, b) => sum + b.cells.length, 0) / total),
    blobs: blobs.length,
    largest: largest
      ? {
          fraction: round(largest.cells.length / total),
          fill: round(largest.cells.length / ((largest.x1 - largest.x0 + 1) * (largest.y1 - largest.y0 + 1))),
          region: {
            x: round((largest.x0 * c) / w),
            y: round((largest.y0 * c) / h),
            w: round(Math.min(1 - (largest.x0 * c) / w, ((largest.x1 - largest.x0 + 1) * c) / w)),
            h: round(Math.min(1 - (largest.y0 * c) / h, ((largest.y1 - largest.y0 + 1) * c) / h)),
          },
        }
      : null,
  }
}

const RING_CELLS = 2

/**
 * How dark the darkest ink is just around a blob (10th percentile of the darkest pixel of each
 * cell within two cells of it). A reflection fades into a halo that washes out the print around
 * it, so even the ink there stays light; a white field or the gap between text lines is edged by
 * ink at full strength.
 */
function ringInk(comp: Component, darkest: Uint8Array, cols: number, rows: number): number {
  const inBlob = new Set(comp.cells)
  const values: number[] = []
  for (let y = Math.max(0, comp.y0 - RING_CELLS); y <= Math.min(rows - 1, comp.y1 + RING_CELLS); y++) {
    for (let x = Math.max(0, comp.x0 - RING_CELLS); x <= Math.min(cols - 1, comp.x1 + RING_CELLS); x++) {
      const k = y * cols + x
      if (inBlob.has(k)) continue
      let near = false
      for (let dy = -RING_CELLS; dy <= RING_CELLS && !near; dy++) {
        for (let dx = -RING_CELLS; dx <= RING_CELLS && !near; dx++) {
          const nx = x + dx
          const ny = y + dy
          near = nx >= 0 && ny >= 0 && nx < cols && ny < rows && inBlob.has(ny * cols + nx)
        }
      }
      if (near) values.push(darkest[k])
    }
  }
  if (!values.length) return 0
  values.sort((a, b) => a - b)
  return values[Math.floor(values.length * 0.1)]
}
