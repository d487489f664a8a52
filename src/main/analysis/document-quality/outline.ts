import type { GreyImage } from '../image/types'
import { estimateTextAngle, inkMask, keepCharacterBlobs, type LocatorSettings } from '../mrz/locate-band'
import type { Side } from './cut'

/** Tunables of the outline search (from the documentQuality settings section). */
export interface OutlineSettings {
  /** Sobel response (|gx| + |gy|, about 4 × the grey-level step) of a boundary pixel. */
  outlineEdgeLevel: number
  /** A boundary line spans at least this share of the frame along its direction. */
  minOutlineLineShare: number
  /** Largest skew of the document's edges searched, degrees. */
  maxOutlineSkewDeg: number
  /** How close (share of the long side) two lines' ends must come to make a corner; ID-1 corners are rounded (radius 3.7 % of the width). */
  outlineCornerReach: number
  /** Edge pixels per pixel allowed between a boundary line and the frame (background, margin). */
  maxBeyondEdgeDensity: number
  /** A boundary line spans at least this share of what the other boundary lines (or the frame) enclose. */
  minBoundarySpan: number
}

/** A straight boundary line: y = at + slope·x for horizontal lines, x = at + slope·y for vertical ones. */
export interface OutlineLine {
  orientation: 'h' | 'v'
  at: number
  slope: number
  /** Extent along the line (x for horizontal lines, y for vertical ones), pixels of the image measured. */
  from: number
  to: number
  /** Edge pixels per pixel beyond the line on its lower (below / right) and upper (above / left) side, up to the frame. */
  beyond: { low: number; high: number }
}

export interface Outline {
  /** How far the print is turned from the frame's axes (dominant edge direction), degrees; outlines are searched only within maxOutlineSkewDeg. */
  skewDeg: number
  /** Long straight lines found near the frame's axes, pixels of the image measured. */
  lines: OutlineLine[]
  /** The document's boundary lines, by side (a side without one runs to the frame or past it). */
  boundary: Partial<Record<Side, OutlineLine>>
  /** Corners where two boundary lines meet inside the frame. */
  corners: number
  /** The boundary closes on all four sides inside the frame: the whole document is in the picture. */
  closed: boolean
  /** Sides where the boundary's lines run off the frame with no line closing them: cut there. */
  runsOff: Side[]
  /** What the outline encloses, pixels of the measured image; sides without a line are the frame's. */
  box: { x0: number; x1: number; y0: number; y1: number }
  width: number
  height: number
}

/** The outline is searched on a copy at most this long: borders stay 1-2 px wide, the search stays within a few ms. */
const OUTLINE_LONG_SIDE = 640
const SOBEL_DOMINANCE = 2
const ANGLE_STEP_DEG = 0.5
const PEAKS_PER_FAMILY = 16
/** A line runs off the frame when it reaches this close to the frame's edge (px of the ≤ 640 px copy; edge pixels start at 1). */
const RUNS_OFF_PX = 3
/** Beyond a line closer to the frame than this share of the frame, emptiness says little. */
const THIN_STRIP = 0.06
/** Beyond a boundary there is at most this share of the edge density of the document side. */
const BEYOND_TO_INSIDE = 0.2

/** Halves an image (2 × 2 means) until its long side is at most `maxSide`. */
export function shrink(img: GreyImage, maxSide: number): GreyImage {
  let cur = img
  while (Math.max(cur.width, cur.height) > maxSide) {
    const w = cur.width >> 1
    const h = cur.height >> 1
    const data = new Uint8Array(w * h)
    for (let y = 0; y < h; y++) {
      const r0 = 2 * y * cur.width
      const r1 = r0 + cur.width
      for (let x = 0; x < w; x++) data[y * w + x] = (cur.data[r0 + 2 * x] + cur.data[r0 + 2 * x + 1] + cur.data[r1 + 2 * x] + cur.data[r1 + 2 * x + 1] + 2) >> 2
    }
    cur = { data, width: w, height: h }
  }
  return cur
}

/**
 * Edge pixels: of lines near horizontal (1), near vertical (2), or other (3): a Sobel response
 * above the level, clearly dominated by one direction or not.
 */
function edgeMap(g: GreyImage, level: number): { edges: Uint8Array; skewDeg: number } {
  const { data, width: w, height: h } = g
  const out = new Uint8Array(w * h)
  // Orientation of strong edges folded to [-45°, 45°): print and borders follow the document's axes.
  const hist = new Float64Array(90)
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x
      const a = data[i - w - 1]
      const b = data[i - w]
      const c = data[i - w + 1]
      const d = data[i - 1]
      const f = data[i + 1]
      const g7 = data[i + w - 1]
      const h8 = data[i + w]
      const k = data[i + w + 1]
      const gx = c + 2 * f + k - a - 2 * d - g7
      const gy = g7 + 2 * h8 + k - a - 2 * b - c
      const ax = Math.abs(gx)
      const ay = Math.abs(gy)
      if (ax + ay < level) continue
      if (ay >= SOBEL_DOMINANCE * ax) out[i] = 1
      else if (ax >= SOBEL_DOMINANCE * ay) out[i] = 2
      else out[i] = 3
      const deg = (Math.atan2(gy, gx) * 180) / Math.PI
      hist[Math.floor((((deg % 90) + 135) % 90))] += ax + ay
    }
  }
  let peak = 0
  let best = -1
  for (let k = 0; k < 90; k++) {
    const v = hist[(k + 89) % 90] + hist[k] + hist[(k + 1) % 90]
    if (v > best) { best = v; peak = k }
  }
  return { edges: out, skewDeg: peak - 45 + 0.5 }
}

/**
 * Straight lines of one family (1 = near horizontal) by a Hough vote over small skews, each
 * traced along its length: only a run of edge pixels with short gaps counts, so text rows
 * (letters with spaces between) and guilloche do not make lines, while a card edge, a page
 * border or the printed frame of a specimen do.
 */
function familyLines(edges: Uint8Array, w: number, h: number, family: 1 | 2, s: OutlineSettings): OutlineLine[] {
  // Work in (u, v): u along the line, v across it.
  const U = family === 1 ? w : h
  const V = family === 1 ? h : w
  const at = (u: number, v: number) => (family === 1 ? edges[v * w + u] : edges[u * w + v])
  const steps = Math.round(s.maxOutlineSkewDeg / ANGLE_STEP_DEG)
  const slopes: number[] = []
  for (let k = -steps; k <= steps; k++) slopes.push(Math.tan((k * ANGLE_STEP_DEG * Math.PI) / 180))
  const pad = Math.ceil(Math.abs(slopes[0]) * U) + 1
  const bins = V + 2 * pad
  const acc = new Uint32Array(slopes.length * bins)
  for (let v = 0; v < V; v++) {
    for (let u = 0; u < U; u++) {
      if (at(u, v) !== family) continue
      for (let a = 0; a < slopes.length; a++) acc[a * bins + Math.round(v - slopes[a] * u) + pad]++
    }
  }
  const minLength = s.minOutlineLineShare * U
  const peaks: { a: number; r: number; votes: number }[] = []
  for (let a = 0; a < slopes.length; a++) {
    for (let r = 1; r < bins - 1; r++) {
      const votes = acc[a * bins + r]
      if (votes < minLength * 0.6) continue
      let isMax = true
      for (let da = -1; da <= 1 && isMax; da++) {
        for (let dr = -2; dr <= 2 && isMax; dr++) {
          const aa = a + da
          const rr = r + dr
          if ((da || dr) && aa >= 0 && aa < slopes.length && rr >= 0 && rr < bins && acc[aa * bins + rr] > votes) isMax = false
        }
      }
      if (isMax) peaks.push({ a, r, votes })
    }
  }
  peaks.sort((p, q) => q.votes - p.votes)
  const gap = Math.max(2, Math.round(0.01 * U))
  const lines: OutlineLine[] = []
  for (const p of peaks.slice(0, PEAKS_PER_FAMILY * 3)) {
    const slope = slopes[p.a]
    const base = p.r - pad
    // The longest run of positions with an edge pixel within a pixel of the line, gaps ≤ `gap`.
    let best = { from: 0, to: -1 }
    let start = -1
    let last = -gap - 1
    for (let u = 0; u < U; u++) {
      const v = Math.round(base + slope * u)
      let hit = false
      for (let dv = -1; dv <= 1 && !hit; dv++) hit = v + dv >= 0 && v + dv < V && at(u, v + dv) === family
      if (!hit) continue
      if (u - last > gap) start = u
      last = u
      if (u - start > best.to - best.from) best = { from: start, to: u }
    }
    if (best.to - best.from < minLength) continue
    const line: OutlineLine = { orientation: family === 1 ? 'h' : 'v', at: base, slope, from: best.from, to: best.to, beyond: { low: 0, high: 0 } }
    // One printed border gives two edges a few pixels apart: keep the longer.
    const twin = lines.find((l) => Math.abs(positionAt(l, (line.from + line.to) / 2) - positionAt(line, (line.from + line.to) / 2)) <= 4 && l.from < line.to && line.from < l.to)
    if (twin) continue
    line.beyond = beyondDensity(edges, w, h, line)
    lines.push(line)
    if (lines.length >= PEAKS_PER_FAMILY) break
  }
  return lines
}

/**
 * How busy the image is between a line and the frame, on each side of it (edge pixels per
 * pixel, leaving out 3 pixels next to the line): a document's boundary has only background or
 * an empty margin beyond it, a line printed inside the document has more print beyond it.
 */
function beyondDensity(edges: Uint8Array, w: number, h: number, l: OutlineLine): { low: number; high: number } {
  const V = l.orientation === 'h' ? h : w
  let lowHits = 0
  let lowArea = 0
  let highHits = 0
  let highArea = 0
  for (let u = l.from; u <= l.to; u += 2) {
    const v = Math.round(positionAt(l, u))
    for (let t = 0; t < V; t += 2) {
      if (Math.abs(t - v) <= 3) continue
      const e = l.orientation === 'h' ? edges[t * w + u] : edges[u * w + t]
      if (t < v) {
        highArea++
        if (e) highHits++
      } else {
        lowArea++
        if (e) lowHits++
      }
    }
  }
  return { low: lowArea ? lowHits / lowArea : 0, high: highArea ? highHits / highArea : 0 }
}

/** What the boundary lines enclose; a side without a line is the frame's edge. */
function boxOf(boundary: Partial<Record<Side, OutlineLine>>, w: number, h: number): Outline['box'] {
  return {
    x0: boundary.left ? positionAt(boundary.left, h / 2) : 0,
    x1: boundary.right ? positionAt(boundary.right, h / 2) : w,
    y0: boundary.top ? positionAt(boundary.top, w / 2) : 0,
    y1: boundary.bottom ? positionAt(boundary.bottom, w / 2) : h,
  }
}

/** Where a line is across its direction at `u` along it. */
function positionAt(l: OutlineLine, u: number): number {
  return l.at + l.slope * u
}

/** The crossing point (x, y) of a horizontal and a vertical line. */
function crossing(hl: OutlineLine, vl: OutlineLine): [number, number] {
  // y = a + b·x, x = c + d·y  →  x = (c + d·a) / (1 − d·b)
  const x = (vl.at + vl.slope * hl.at) / (1 - vl.slope * hl.slope)
  return [x, hl.at + hl.slope * x]
}

/**
 * The document's outline: long straight lines near the frame's axes (the card or page edge
 * against the background, the border printed on it, or a scan's edge) with nothing but
 * background or an empty margin between them and the frame. A whole document is closed on all
 * four sides; a document cut by the frame has lines that run off the frame on a side no line
 * closes. `box` is the part of the frame the document covers as far as its outline shows
 * (sides without a boundary line reach the frame's edge).
 */
export function measureOutline(grey: GreyImage, s: OutlineSettings): Outline {
  const g = shrink(grey, OUTLINE_LONG_SIDE)
  const { width: w, height: h } = g
  const { edges, skewDeg } = edgeMap(g, s.outlineEdgeLevel)
  const lines = Math.abs(skewDeg) <= s.maxOutlineSkewDeg ? [...familyLines(edges, w, h, 1, s), ...familyLines(edges, w, h, 2, s)] : []

  // Boundary candidates per side: a line with (almost) nothing printed beyond it.
  const candidates: Record<Side, OutlineLine[]> = { top: [], bottom: [], left: [], right: [] }
  const sideOf = new Map<OutlineLine, Side>()
  for (const l of lines) {
    const [low, high]: [Side, Side] = l.orientation === 'h' ? ['bottom', 'top'] : ['right', 'left']
    // Empty beyond the line, and clearly emptier than the document side (a dim photo is sparse everywhere).
    const lowEmpty = l.beyond.low <= s.maxBeyondEdgeDensity && l.beyond.low <= BEYOND_TO_INSIDE * l.beyond.high
    const highEmpty = l.beyond.high <= s.maxBeyondEdgeDensity && l.beyond.high <= BEYOND_TO_INSIDE * l.beyond.low
    const mid = positionAt(l, (l.from + l.to) / 2) < (l.orientation === 'h' ? h : w) / 2
    const side = highEmpty && (!lowEmpty || mid) ? high : lowEmpty ? low : null
    if (side) sideOf.set(l, side)
  }
  // A strip too thin to show that it is empty (a printed rule just inside a cut edge) proves
  // nothing: such a line is a boundary only where it meets another at a corner. A line on the
  // frame's very edge is the scan's edge.
  const reach = s.outlineCornerReach * Math.max(w, h)
  const meets = (a: OutlineLine, b: OutlineLine) => {
    const [hl, vl] = a.orientation === 'h' ? [a, b] : [b, a]
    const [x, y] = crossing(hl, vl)
    const near = (v: number, l: OutlineLine) => Math.min(Math.abs(v - l.from), Math.abs(v - l.to)) <= reach
    return x >= -1 && y >= -1 && x <= w && y <= h && near(x, hl) && near(y, vl)
  }
  for (const [l, side] of sideOf) {
    const across = l.orientation === 'h' ? h : w
    const pos = positionAt(l, (l.from + l.to) / 2)
    const strip = side === 'top' || side === 'left' ? pos : across - 1 - pos
    const thin = strip > RUNS_OFF_PX && strip < THIN_STRIP * across
    if (thin && ![...sideOf.keys()].some((o) => o.orientation !== l.orientation && meets(l, o))) continue
    candidates[side].push(l)
  }
  // The innermost candidate of each side: the document's edge, not a background line beyond it.
  const inner = (side: Side): OutlineLine | undefined => {
    const list = candidates[side]
    if (!list.length) return undefined
    const span = side === 'top' || side === 'bottom' ? w : h
    const pos = (l: OutlineLine) => positionAt(l, span / 2)
    return list.reduce((a, b) => (side === 'top' || side === 'left' ? (pos(b) > pos(a) ? b : a) : pos(b) < pos(a) ? b : a))
  }
  const boundary: Partial<Record<Side, OutlineLine>> = {}
  for (const side of ['top', 'bottom', 'left', 'right'] as const) {
    const l = inner(side)
    if (l) boundary[side] = l
  }
  // A document's edge runs along most of the document: a line spanning only part of what the
  // other boundary lines (or the frame) enclose is the edge of something on it (a portrait).
  for (let changed = true; changed; ) {
    changed = false
    const ext = boxOf(boundary, w, h)
    for (const side of ['top', 'bottom', 'left', 'right'] as const) {
      const l = boundary[side]
      if (!l) continue
      const span = side === 'top' || side === 'bottom' ? ext.x1 - ext.x0 : ext.y1 - ext.y0
      if (l.to - l.from < s.minBoundarySpan * span) {
        delete boundary[side]
        changed = true
      }
    }
  }

  let corners = 0
  for (const hl of [boundary.top, boundary.bottom]) {
    for (const vl of [boundary.left, boundary.right]) if (hl && vl && meets(hl, vl)) corners++
  }
  // A side is cut when the lines that should reach it run off the frame there and no line closes it.
  const edge = RUNS_OFF_PX
  const runsOff: Side[] = []
  const hs = [boundary.top, boundary.bottom].filter((l): l is OutlineLine => !!l)
  const vs = [boundary.left, boundary.right].filter((l): l is OutlineLine => !!l)
  if (!boundary.left && hs.some((l) => l.from <= edge)) runsOff.push('left')
  if (!boundary.right && hs.some((l) => l.to >= w - 1 - edge)) runsOff.push('right')
  if (!boundary.top && vs.some((l) => l.from <= edge)) runsOff.push('top')
  if (!boundary.bottom && vs.some((l) => l.to >= h - 1 - edge)) runsOff.push('bottom')
  const closed = !!(boundary.top && boundary.bottom && boundary.left && boundary.right)
  const box = boxOf(boundary, w, h)
  return { skewDeg, lines, boundary, corners, closed, runsOff, box, width: w, height: h }
}

/**
 * The direction the print runs in, degrees (0 = left to right, 90 = top to bottom), from
 * character-sized ink blobs as the MRZ locator measures it: unlike edge directions it is not
 * pulled by wood grain or a dark screen bar around a photographed document.
 */
export function printDirectionDeg(grey: GreyImage, s: LocatorSettings): number {
  const g = shrink(grey, OUTLINE_LONG_SIDE)
  const mask = keepCharacterBlobs(inkMask(g, s), g.width, g.height, s)
  return estimateTextAngle(mask, g.width, g.height, s)
}
