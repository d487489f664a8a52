import type { GreyImage } from './types'

/** Gradient sums of one square tile of a greyscale image (central differences, interior pixels). */
export interface GradientTile {
  /** Tile position in tiles (column, row) and in pixels. */
  col: number
  row: number
  x: number
  y: number
  size: number
  /** Mean squared first differences along x and y: the tile's edge energy (Tenengrad-like). */
  gx2: number
  gy2: number
  /** Mean squared second differences along x and y. */
  gxx2: number
  gyy2: number
  /**
   * Crété-Roffet blur effect inputs per direction: summed absolute first differences of the
   * image (dx, dy) and how much of that variation a 9-pixel box re-blur removes (vx, vy).
   */
  dx: number
  dy: number
  vx: number
  vy: number
  /** Darkest and brightest pixel and the mean: ink and paper levels. */
  min: number
  max: number
  mean: number
}

export interface TileGrid {
  cols: number
  rows: number
  size: number
  tiles: GradientTile[]
}

/**
 * Cuts the image into `size`-pixel tiles (the last partial row and column are dropped) and sums
 * first and second differences in each. Text, portraits and MRZ lines are where the energy is;
 * plain paper and backgrounds have almost none, which is why sharpness is judged on the tiles
 * with the most energy and not on the image as a whole.
 */
export function gradientTiles(img: GreyImage, size: number): TileGrid {
  const { data, width: w } = img
  const bx = boxBlur9(img, 1, w)
  const by = boxBlur9(img, w, 1)
  const cols = Math.floor((img.width - 2) / size)
  const rows = Math.floor((img.height - 2) / size)
  const tiles: GradientTile[] = []
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const x0 = 1 + col * size
      const y0 = 1 + row * size
      let gx2 = 0
      let gy2 = 0
      let gxx2 = 0
      let gyy2 = 0
      let dx = 0
      let dy = 0
      let vx = 0
      let vy = 0
      let min = 255
      let max = 0
      let sum = 0
      for (let y = y0; y < y0 + size; y++) {
        let i = y * w + x0
        for (let x = 0; x < size; x++, i++) {
          const c = data[i]
          const l = data[i - 1]
          const r = data[i + 1]
          const u = data[i - w]
          const d = data[i + w]
          const gx = (r - l) * 0.5
          const gy = (d - u) * 0.5
          const gxx = r + l - 2 * c
          const gyy = d + u - 2 * c
          gx2 += gx * gx
          gy2 += gy * gy
          gxx2 += gxx * gxx
          gyy2 += gyy * gyy
          const ax = Math.abs(c - l)
          const ay = Math.abs(c - u)
          dx += ax
          dy += ay
          const rx = ax - Math.abs(bx[i] - bx[i - 1])
          const ry = ay - Math.abs(by[i] - by[i - w])
          if (rx > 0) vx += rx
          if (ry > 0) vy += ry
          sum += c
          if (c < min) min = c
          if (c > max) max = c
        }
      }
      const n = size * size
      tiles.push({ col, row, x: x0, y: y0, size, gx2: gx2 / n, gy2: gy2 / n, gxx2: gxx2 / n, gyy2: gyy2 / n, dx, dy, vx, vy, min, max, mean: sum / n })
    }
  }
  return { cols, rows, size, tiles }
}

/**
 * Edge width (in pixels) of the edges in a set of tiles, per direction. For an edge blurred
 * by a Gaussian of width s, Σ g'² / Σ g''² = 2 s²: the ratio of first- to second-difference
 * energy gives s whatever the edge's contrast, so a faint sharp edge and a strong sharp edge
 * read the same, and a dark or washed-out photo is not mistaken for a blurry one.
 */
export function edgeWidth(tiles: readonly GradientTile[]): { x: number; y: number } {
  let gx2 = 0
  let gy2 = 0
  let gxx2 = 0
  let gyy2 = 0
  for (const t of tiles) {
    gx2 += t.gx2
    gy2 += t.gy2
    gxx2 += t.gxx2
    gyy2 += t.gyy2
  }
  return { x: gxx2 > 0 ? Math.sqrt(gx2 / (2 * gxx2)) : 0, y: gyy2 > 0 ? Math.sqrt(gy2 / (2 * gyy2)) : 0 }
}

/** A 9-pixel box average along one direction (step 1 = rows, step w = columns), edges clamped. */
function boxBlur9(img: GreyImage, step: number, across: number): Float32Array {
  const { data, width: w, height: h } = img
  const out = new Float32Array(w * h)
  const lines = step === 1 ? h : w
  const len = step === 1 ? w : h
  for (let line = 0; line < lines; line++) {
    const base = line * across
    let sum = 0
    for (let k = -4; k <= 4; k++) sum += data[base + Math.min(len - 1, Math.max(0, k)) * step]
    for (let p = 0; p < len; p++) {
      out[base + p * step] = sum / 9
      sum += data[base + Math.min(len - 1, p + 5) * step] - data[base + Math.max(0, p - 4) * step]
    }
  }
  return out
}

/**
 * Crété-Roffet "blur effect" per direction, 0 (sharp) .. 1 (blurred): the share of the edge
 * variation that survives re-blurring. A sharp edge loses most of its variation to a 9-pixel
 * box; an edge already blurred loses little. Judged per direction so camera shake along one
 * axis (which leaves the other axis sharp) is seen.
 */
export function blurEffect(tiles: readonly GradientTile[]): { x: number; y: number } {
  let dx = 0
  let dy = 0
  let vx = 0
  let vy = 0
  for (const t of tiles) {
    dx += t.dx
    dy += t.dy
    vx += t.vx
    vy += t.vy
  }
  return { x: dx > 0 ? (dx - vx) / dx : 1, y: dy > 0 ? (dy - vy) / dy : 1 }
}
