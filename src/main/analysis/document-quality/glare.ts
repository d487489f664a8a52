import type { Region } from '../../../shared/domain/finding'
import { connectedComponents, type Component } from '../image/components'
import type { DecodedImage } from '../image/types'
import type { QualitySettings } from './quality-settings'

export interface GlareBlob {
  /** Share of the image and of its bounding box the blob covers. */
  fraction: number
  fill: number
  /** Bright (paper) level inside the blob and around it, and the difference. */
  level: number
  paperLevel: number
  margin: number
  /** Steepest fall of the bright level over 2 px outside the blob, as a share of the margin (median of 8 directions). */
  edgeSteepness: number
  region: Region
}

export interface GlareMeasure {
  /** Share of the image covered by glare blobs. */
  fraction: number
  blobs: number
  /** The largest glare blob. */
  largest: GlareBlob | null
  /** Candidates (colourless near-white blobs of a glare's size and shape) and why each was not glare. */
  rejected: { fraction: number; margin: number; edgeSteepness: number }[]
}

/** Cells of about 1/96 of the long side: a blob is judged on cells, not single pixels. */
const CELLS_ALONG_LONG_SIDE = 96
/** The bright level of a cell is its 75th-percentile luma: paper and highlights, not the ink on them. */
const BRIGHT_PERCENTILE = 0.75
const BINS = 64
/** Directions around a blob in which its fall-off is measured; the median direction counts. */
const SECTORS = 8
/** Width of the distance bands of the fall-off profile, px. */
const BAND_PX = 2
const MIN_BAND_PIXELS = 12

/** Pixel rectangle of the image the document covers (the outline's box): glare is looked for only there. */
export interface DocumentArea {
  x0: number
  y0: number
  x1: number
  y1: number
}

/**
 * Specular highlights. Cells almost all near-white and colourless (a reflection washes out the
 * print's colour) are grouped into connected blobs; a blob is glare when
 * - it sits inside the document and the frame (margins, a white table or a white page touch an edge),
 *   covers a meaningful share of the image but not most of it, and is compact (not the thin
 *   network of white gaps between text lines);
 * - it is brighter than the paper around it by a margin: on a white page photographed as a page
 *   is (paper below clipping), a reflection is the only thing that clips; on a flat scan where the
 *   paper itself is white, there is nothing brighter to find;
 * - its edge falls off smoothly, as light spreading over a glossy surface does: a printed white
 *   field (a label, a window, a white box on a tinted card) ends in a sharp step.
 */
export function measureGlare(img: DecodedImage, s: QualitySettings, area?: DocumentArea): GlareMeasure {
  const { rgb, grey } = img
  const w = grey.width
  const h = grey.height
  const c = Math.max(4, Math.round(Math.max(w, h) / CELLS_ALONG_LONG_SIDE))
  const cols = Math.ceil(w / c)
  const rows = Math.ceil(h / c)
  const n = cols * rows
  const hits = new Uint32Array(n)
  const counts = new Uint32Array(n)
  const hist = new Uint16Array(n * BINS)
  const ax0 = area ? Math.max(0, Math.floor(area.x0)) : 0
  const ay0 = area ? Math.max(0, Math.floor(area.y0)) : 0
  const ax1 = area ? Math.min(w, Math.ceil(area.x1)) : w
  const ay1 = area ? Math.min(h, Math.ceil(area.y1)) : h
  const inArea = (x: number, y: number) => x >= ax0 && x < ax1 && y >= ay0 && y < ay1
  for (let y = ay0; y < ay1; y++) {
    const rowCell = Math.floor(y / c) * cols
    for (let x = ax0; x < ax1; x++) {
      const i = y * w + x
      const k = rowCell + Math.floor(x / c)
      counts[k]++
      const v = grey.data[i]
      hist[k * BINS + ((v * BINS) >> 8)]++
      if (v < s.highlightLevel) continue
      const r = rgb.data[3 * i]
      const gg = rgb.data[3 * i + 1]
      const b = rgb.data[3 * i + 2]
      if (Math.max(r, gg, b) - Math.min(r, gg, b) <= s.highlightMaxChroma) hits[k]++
    }
  }
  // Bright level per cell; -1 for cells outside the document.
  const bright = new Int16Array(n).fill(-1)
  for (let k = 0; k < n; k++) {
    if (!counts[k]) continue
    let acc = 0
    for (let bin = 0; bin < BINS; bin++) {
      acc += hist[k * BINS + bin]
      if (acc >= BRIGHT_PERCENTILE * counts[k]) {
        bright[k] = Math.round(((bin + 0.5) * 256) / BINS)
        break
      }
    }
  }
  const mask = new Uint8Array(n)
  for (let k = 0; k < n; k++) mask[k] = counts[k] > 0 && hits[k] >= s.glareCellShare * counts[k] ? 1 : 0
  // Edges of the document count as the frame's: a blob running into them is paper, not a reflection.
  const c0 = Math.floor(ax0 / c)
  const r0 = Math.floor(ay0 / c)
  const c1 = Math.ceil(ax1 / c) - 1
  const r1 = Math.ceil(ay1 / c) - 1
  const total = (c1 - c0 + 1) * (r1 - r0 + 1)
  const blobs: GlareBlob[] = []
  const rejected: GlareMeasure['rejected'] = []
  const round = (v: number) => Math.round(v * 1000) / 1000
  for (const comp of connectedComponents(mask, cols, rows)) {
    const fraction = comp.cells.length / total
    const touches = comp.x0 <= c0 || comp.y0 <= r0 || comp.x1 >= c1 || comp.y1 >= r1
    const fill = comp.cells.length / ((comp.x1 - comp.x0 + 1) * (comp.y1 - comp.y0 + 1))
    if (touches || fraction < s.minGlareFraction || fraction > s.maxGlareFraction || fill < s.minGlareFill) continue
    const falloff = measureFalloff(comp, grey.data, w, h, c, cols, rows, bright, inArea, s.highlightLevel)
    if (falloff.margin < s.minGlareMargin || falloff.edgeSteepness > s.maxGlareEdgeSteepness) {
      rejected.push({ fraction: round(fraction), margin: falloff.margin, edgeSteepness: round(falloff.edgeSteepness) })
      continue
    }
    blobs.push({
      fraction: round(fraction),
      fill: round(fill),
      ...falloff,
      edgeSteepness: round(falloff.edgeSteepness),
      region: {
        x: round((comp.x0 * c) / w),
        y: round((comp.y0 * c) / h),
        w: round(Math.min(1 - (comp.x0 * c) / w, ((comp.x1 - comp.x0 + 1) * c) / w)),
        h: round(Math.min(1 - (comp.y0 * c) / h, ((comp.y1 - comp.y0 + 1) * c) / h)),
      },
    })
  }
  return {
    fraction: round(blobs.reduce((sum, b) => sum + b.fraction, 0)),
    blobs: blobs.length,
    largest: blobs[0] ?? null,
    rejected,
  }
}

/**
 * How the brightness falls off around a blob. Rings of cells around it (out to twice its
 * radius) give the paper level: the lowest of the rings' median bright levels. Then, at pixel
 * level and in each of 8 directions, the bright level (75th percentile) at each distance from
 * the blob's highlight pixels, and its steepest fall over 2 px relative to the margin; the median
 * direction counts: low for a highlight fading out all round, high for a printed white field,
 * even one lying next to another light area.
 */
function measureFalloff(
  comp: Component,
  data: Uint8Array,
  w: number,
  h: number,
  c: number,
  cols: number,
  rows: number,
  bright: Int16Array,
  inArea: (x: number, y: number) => boolean,
  highlightLevel: number,
): { level: number; paperLevel: number; margin: number; edgeSteepness: number } {
  const median = (v: number[]) => (v.length ? [...v].sort((a, b) => a - b)[v.length >> 1] : -1)
  const level = median(comp.cells.map((k) => bright[k]))
  const radius = Math.sqrt(comp.cells.length / Math.PI)
  const reach = Math.max(4, Math.min(24, Math.ceil(2 * radius)))
  const seen = new Uint8Array(cols * rows)
  for (const k of comp.cells) seen[k] = 1
  let frontier = comp.cells
  let paperLevel = level
  for (let d = 1; d <= reach && frontier.length; d++) {
    const next: number[] = []
    for (const k of frontier) {
      const x = k % cols
      const y = (k - x) / cols
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx
          const ny = y + dy
          if (nx < 0 || ny < 0 || nx >= cols || ny >= rows) continue
          const m = ny * cols + nx
          if (seen[m]) continue
          seen[m] = 1
          if (bright[m] >= 0) next.push(m)
        }
      }
    }
    const ringLevel = median(next.map((k) => bright[k]))
    if (ringLevel >= 0 && ringLevel < paperLevel) paperLevel = ringLevel
    frontier = next
  }
  const margin = level - paperLevel
  if (margin <= 0) return { level, paperLevel, margin, edgeSteepness: 1 }

  // Chamfer distance (px) from the blob's highlight pixels, within its box grown by `reach` cells.
  const bx0 = Math.max(0, (comp.x0 - reach) * c)
  const by0 = Math.max(0, (comp.y0 - reach) * c)
  const bx1 = Math.min(w, (comp.x1 + 1 + reach) * c)
  const by1 = Math.min(h, (comp.y1 + 1 + reach) * c)
  const bw = bx1 - bx0
  const bh = by1 - by0
  const dist = new Float32Array(bw * bh).fill(1e9)
  const inBlob = new Set(comp.cells)
  for (let y = by0; y < by1; y++) {
    for (let x = bx0; x < bx1; x++) {
      if (inBlob.has(Math.floor(y / c) * cols + Math.floor(x / c)) && data[y * w + x] >= highlightLevel) dist[(y - by0) * bw + (x - bx0)] = 0
    }
  }
  const D = Math.SQRT2
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const i = y * bw + x
      let v = dist[i]
      if (x > 0) v = Math.min(v, dist[i - 1] + 1)
      if (y > 0) {
        v = Math.min(v, dist[i - bw] + 1)
        if (x > 0) v = Math.min(v, dist[i - bw - 1] + D)
        if (x < bw - 1) v = Math.min(v, dist[i - bw + 1] + D)
      }
      dist[i] = v
    }
  }
  for (let y = bh - 1; y >= 0; y--) {
    for (let x = bw - 1; x >= 0; x--) {
      const i = y * bw + x
      let v = dist[i]
      if (x < bw - 1) v = Math.min(v, dist[i + 1] + 1)
      if (y < bh - 1) {
        v = Math.min(v, dist[i + bw] + 1)
        if (x < bw - 1) v = Math.min(v, dist[i + bw + 1] + D)
        if (x > 0) v = Math.min(v, dist[i + bw - 1] + D)
      }
      dist[i] = v
    }
  }
  // Profiles per direction (8 sectors around the blob's centre): a white field next to another
  // light area (a hologram, a white margin) falls off slowly towards it but steps everywhere else.
  const maxD = reach * c
  let cx = 0
  let cy = 0
  for (const k of comp.cells) {
    cx += ((k % cols) + 0.5) * c
    cy += (Math.floor(k / cols) + 0.5) * c
  }
  cx /= comp.cells.length
  cy /= comp.cells.length
  // Distances in bands of 2 px, luma in 256 levels: enough pixels per band and direction that
  // the bright level does not jump with the print's texture (fine hatching on the HRV page).
  const bands = Math.floor(maxD / BAND_PX) + 1
  const histos = new Uint32Array(SECTORS * bands * 256)
  const sizes = new Uint32Array(SECTORS * bands)
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const d = dist[y * bw + x]
      if (!(d > 0 && d <= maxD) || !inArea(x + bx0, y + by0)) continue
      const angle = Math.atan2(y + by0 - cy, x + bx0 - cx)
      const sector = Math.min(SECTORS - 1, Math.floor(((angle + Math.PI) / (2 * Math.PI)) * SECTORS))
      const at = sector * bands + Math.floor(d / BAND_PX)
      histos[at * 256 + data[(y + by0) * w + x + bx0]]++
      sizes[at]++
    }
  }
  const levelAt = (at: number): number => {
    if (sizes[at] < MIN_BAND_PIXELS) return -1
    let acc = 0
    for (let v = 0; v < 256; v++) {
      acc += histos[at * 256 + v]
      if (acc >= BRIGHT_PERCENTILE * sizes[at]) return v
    }
    return -1
  }
  const perSector: number[] = []
  for (let sector = 0; sector < SECTORS; sector++) {
    const profile = Array.from({ length: bands }, (_, k) => levelAt(sector * bands + k))
    let steepest = -1
    for (let k = 0; k + 1 < bands; k++) if (profile[k] >= 0 && profile[k + 1] >= 0) steepest = Math.max(steepest, (profile[k] - profile[k + 1]) / margin)
    if (steepest >= 0) perSector.push(steepest)
  }
  perSector.sort((a, b) => a - b)
  const steepest = perSector.length ? perSector[perSector.length >> 1] : 1
  return { level, paperLevel, margin, edgeSteepness: steepest }
}
