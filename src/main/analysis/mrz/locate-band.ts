import type { GreyImage } from './grey-image'

/** Tunables of the MRZ locator (from the "mrz" settings section). */
export interface LocatorSettings {
  /** Grey levels a pixel must be darker than its neighbourhood mean to count as ink. */
  inkContrast: number
  /** Neighbourhood half-size for the ink threshold, as a fraction of the longest side. */
  inkWindowFraction: number
  /** Largest gap (fraction of the longest side) bridged between characters of one line. */
  charGapFraction: number
  /** A text line must be at least this many times wider than tall to be an MRZ line. */
  minLineAspect: number
  /** A text line must span at least this fraction of the deskewed frame's width. */
  minLineWidthFraction: number
  /** Ink blobs larger than this fraction of the longest side are not characters (borders, photo edges). */
  maxCharFraction: number
  /** Skew search step (degrees) of the coarse pass; the fine pass refines to a tenth of it. */
  skewStepDeg: number
}

/** A text line found on the deskewed frame: u along the text, v across it (pixels of the locator image). */
export interface LineBox {
  u0: number
  u1: number
  v0: number
  v1: number
  ink: number
}

/**
 * An MRZ band candidate: its lines in reading order, and the frame in which they are horizontal.
 * `angleDeg` is the direction of the text in the locator image (0 = left to right, 90 = top to
 * bottom, 180 = upside down), measured clockwise since image y points down.
 */
export interface BandCandidate {
  angleDeg: number
  lines: LineBox[]
  /** Centre of the locator image, origin of the (u, v) frame. */
  cx: number
  cy: number
  score: number
}

/** Dark-on-light pixels: darker than the local mean by `inkContrast` grey levels. */
export function inkMask(img: GreyImage, s: LocatorSettings): Uint8Array {
  const { width: w, height: h, data } = img
  const integral = new Float64Array((w + 1) * (h + 1))
  for (let y = 0; y < h; y++) {
    let row = 0
    for (let x = 0; x < w; x++) {
      row += data[y * w + x]
      integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row
    }
  }
  const r = Math.max(3, Math.round(Math.max(w, h) * s.inkWindowFraction))
  const mask = new Uint8Array(w * h)
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - r)
    const y1 = Math.min(h, y + r + 1)
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - r)
      const x1 = Math.min(w, x + r + 1)
      const sum = integral[y1 * (w + 1) + x1] - integral[y0 * (w + 1) + x1] - integral[y1 * (w + 1) + x0] + integral[y0 * (w + 1) + x0]
      const mean = sum / ((x1 - x0) * (y1 - y0))
      if (mean - data[y * w + x] > s.inkContrast) mask[y * w + x] = 1
    }
  }
  return mask
}

/**
 * Keeps only character-sized ink blobs (8-connected): borders, the edges of dark backgrounds and
 * photo outlines are long, and would otherwise dominate the skew estimate and glue text lines together.
 */
export function keepCharacterBlobs(mask: Uint8Array, w: number, h: number, s: LocatorSettings): Uint8Array {
  const label = new Int32Array(w * h).fill(-1)
  const maxSize = Math.max(4, Math.round(Math.max(w, h) * s.maxCharFraction))
  const out = new Uint8Array(w * h)
  const stack: number[] = []
  const members: number[] = []
  let next = 0
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || label[start] >= 0) continue
    const id = next++
    label[start] = id
    stack.push(start)
    members.length = 0
    let x0 = w, x1 = -1, y0 = h, y1 = -1
    while (stack.length) {
      const p = stack.pop() as number
      members.push(p)
      const x = p % w
      const y = (p - x) / w
      if (x < x0) x0 = x
      if (x > x1) x1 = x
      if (y < y0) y0 = y
      if (y > y1) y1 = y
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy
        if (yy < 0 || yy >= h) continue
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx
          if (xx < 0 || xx >= w) continue
          const q = yy * w + xx
          if (mask[q] && label[q] < 0) { label[q] = id; stack.push(q) }
        }
      }
    }
    if (x1 - x0 < maxSize && y1 - y0 < maxSize) for (const p of members) out[p] = 1
  }
  return out
}

/**
 * Text direction modulo 180°: the angle at which ink projected across the text piles up into the
 * sharpest rows (text lines). Coarse pass over [0°, 180°), then a fine pass around the best.
 */
export function estimateTextAngle(mask: Uint8Array, w: number, h: number, s: LocatorSettings): number {
  const xs: number[] = []
  const ys: number[] = []
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (mask[y * w + x]) { xs.push(x - w / 2); ys.push(y - h / 2) }
  if (xs.length === 0) return 0
  const half = Math.ceil(Math.hypot(w, h) / 2) + 1
  const hist = new Float64Array(2 * half + 1)
  const sharpness = (deg: number): number => {
    const t = (deg * Math.PI) / 180
    const sin = Math.sin(t)
    const cos = Math.cos(t)
    hist.fill(0)
    for (let i = 0; i < xs.length; i++) hist[Math.round(-xs[i] * sin + ys[i] * cos) + half]++
    let sum = 0
    for (let i = 0; i < hist.length; i++) sum += hist[i] * hist[i]
    return sum
  }
  let best = 0
  let bestScore = -1
  for (let deg = 0; deg < 180; deg += s.skewStepDeg) {
    const sc = sharpness(deg)
    if (sc > bestScore) { bestScore = sc; best = deg }
  }
  const fine = s.skewStepDeg / 10
  const coarse = best
  for (let deg = coarse - s.skewStepDeg; deg <= coarse + s.skewStepDeg; deg += fine) {
    const sc = sharpness(deg)
    if (sc > bestScore) { bestScore = sc; best = deg }
  }
  return ((best % 180) + 180) % 180
}

/** Maps a point of the (u, v) frame back to locator-image coordinates. */
export function frameToImage(c: { angleDeg: number; cx: number; cy: number }, u: number, v: number): [number, number] {
  const t = (c.angleDeg * Math.PI) / 180
  const cos = Math.cos(t)
  const sin = Math.sin(t)
  return [c.cx + u * cos - v * sin, c.cy + u * sin + v * cos]
}

/**
 * Text lines on the frame rotated so that text at `angleDeg` runs left to right: ink is resampled
 * onto that frame, characters closer than the gap are bridged, and touching runs are joined into
 * line boxes.
 */
export function findLines(mask: Uint8Array, w: number, h: number, angleDeg: number, s: LocatorSettings): { lines: LineBox[]; uMin: number; uMax: number; vMin: number; vMax: number } {
  const frame = { angleDeg, cx: w / 2, cy: h / 2 }
  const t = (angleDeg * Math.PI) / 180
  const cos = Math.abs(Math.cos(t))
  const sin = Math.abs(Math.sin(t))
  const fw = Math.ceil(w * cos + h * sin)
  const fh = Math.ceil(w * sin + h * cos)
  const uMin = -fw / 2
  const vMin = -fh / 2
  const gap = Math.max(2, Math.round(Math.max(w, h) * s.charGapFraction))
  type Run = { a: number; b: number; ink: number; id: number }
  const parent: number[] = []
  const find = (i: number): number => { while (parent[i] !== i) { parent[i] = parent[parent[i]]; i = parent[i] } return i }
  const runsByRow: Run[][] = []
  const rowInk = new Uint8Array(fw)
  for (let j = 0; j < fh; j++) {
    const v = vMin + j + 0.5
    for (let i = 0; i < fw; i++) {
      const [x, y] = frameToImage(frame, uMin + i + 0.5, v)
      const xi = Math.floor(x)
      const yi = Math.floor(y)
      rowInk[i] = xi >= 0 && yi >= 0 && xi < w && yi < h ? mask[yi * w + xi] : 0
    }
    const runs: Run[] = []
    let cur: Run | null = null
    for (let i = 0; i < fw; i++) {
      if (!rowInk[i]) continue
      if (cur && i - cur.b <= gap) { cur.b = i; cur.ink++ }
      else {
        cur = { a: i, b: i, ink: 1, id: parent.length }
        parent.push(parent.length)
        runs.push(cur)
      }
    }
    const prev = runsByRow[j - 1]
    if (prev) {
      let k = 0
      for (const r of runs) {
        while (k < prev.length && prev[k].b < r.a) k++
        for (let m = k; m < prev.length && prev[m].a <= r.b; m++) {
          const ra = find(r.id)
          const rb = find(prev[m].id)
          if (ra !== rb) parent[ra] = rb
        }
      }
    }
    runsByRow.push(runs)
  }
  const boxes = new Map<number, LineBox>()
  runsByRow.forEach((runs, j) => {
    for (const r of runs) {
      const root = find(r.id)
      const b = boxes.get(root)
      if (!b) boxes.set(root, { u0: r.a, u1: r.b + 1, v0: j, v1: j + 1, ink: r.ink })
      else { b.u0 = Math.min(b.u0, r.a); b.u1 = Math.max(b.u1, r.b + 1); b.v1 = j + 1; b.ink += r.ink }
    }
  })
  const lines = [...boxes.values()].map((b) => ({ u0: b.u0 + uMin, u1: b.u1 + uMin, v0: b.v0 + vMin, v1: b.v1 + vMin, ink: b.ink }))
  return { lines, uMin, uMax: uMin + fw, vMin, vMax: vMin + fh }
}

const height = (l: LineBox) => l.v1 - l.v0
const width = (l: LineBox) => l.u1 - l.u0

/**
 * Groups of 2 or 3 long, evenly spaced, equally tall lines of similar extent: the MRZ's shape
 * (TD1 3×30, TD2 2×36, TD3 2×44). Best first: more lines of text, wider, lower on the frame
 * (the MRZ sits at the bottom of the data page).
 */
export function findBands(mask: Uint8Array, w: number, h: number, angleDeg: number, s: LocatorSettings): BandCandidate[] {
  const { lines, uMax, uMin, vMin, vMax } = findLines(mask, w, h, angleDeg, s)
  const frameWidth = uMax - uMin
  const long = lines
    .filter((l) => height(l) >= 3 && width(l) >= s.minLineAspect * height(l) && width(l) >= s.minLineWidthFraction * frameWidth)
    .sort((a, b) => a.v0 - b.v0)
  const bands: BandCandidate[] = []
  for (let i = 0; i < long.length; i++) {
    const group = [long[i]]
    for (let j = i + 1; j < long.length && group.length < 3; j++) {
      const last = group[group.length - 1]
      const hMean = (height(last) + height(long[j])) / 2
      const pitch = (long[j].v0 + long[j].v1) / 2 - (last.v0 + last.v1) / 2
      const similar =
        Math.abs(height(long[j]) - height(last)) <= 0.5 * hMean &&
        pitch >= 1.1 * hMean && pitch <= 3.2 * hMean &&
        Math.abs(long[j].u0 - last.u0) <= 0.12 * Math.max(width(last), width(long[j])) &&
        Math.min(width(last), width(long[j])) >= 0.7 * Math.max(width(last), width(long[j]))
      if (similar) group.push(long[j])
      else if (long[j].v0 > last.v1 + 3.2 * height(last)) break
    }
    // A third line may be ordinary text above or below a two-line MRZ: offer both pairs too.
    const groups = group.length === 3 ? [group, group.slice(1), group.slice(0, 2)] : [group]
    groups.forEach((g, k) => {
      const centre = (g[0].v0 + g[g.length - 1].v1) / 2
      const lowness = (centre - vMin) / (vMax - vMin)
      const widthScore = Math.max(...g.map(width)) / frameWidth
      const score = (g.length >= 2 ? 2 : 0) + widthScore + 0.5 * lowness - 0.05 * k
      bands.push({ angleDeg, lines: g, cx: w / 2, cy: h / 2, score })
    })
  }
  return bands.sort((a, b) => b.score - a.score)
}
