import type { Region } from '../../../shared/domain/finding'
import { blurEffect, edgeWidth, gradientTiles, type GradientTile } from '../image/gradient-tiles'
import { laplacianVariance } from '../image/laplacian'
import { histogram, percentileOf } from '../image/luma'
import type { DecodedImage } from '../image/types'
import type { LocatorSettings } from '../mrz/locate-band'
import { judgeCrop, type CropVerdict } from './crop'
import { measureCut, type CutMeasure, type Side } from './cut'
import { measureGlare, type GlareMeasure } from './glare'
import { measureOutline, printDirectionDeg } from './outline'
import type { QualitySettings } from './quality-settings'

export interface DocumentMeasurements {
  width: number
  height: number
  blur: {
    /** Crété-Roffet blur effect of the sharpest-looking tiles, worse direction (0 sharp .. 1 blurred). */
    effect: number
    effectX: number
    effectY: number
    /** Variance of the Laplacian of the whole working-size image (OpenCV-compatible). */
    laplacianVariance: number
    /** Mean squared gradient of the same tiles (Tenengrad). */
    tenengrad: number
    /** Estimated edge width in working-size pixels, worse direction. */
    edgeWidthPx: number
    workingLongSide: number
  }
  luminance: { mean: number; p5: number; p50: number; p90: number; p98: number; clippedFraction: number; crushedFraction: number; inkLevel: number }
  glare: GlareMeasure
  /** Ink crossing each edge of the frame (strokes running off). */
  cut: CutMeasure
  /** The document's outline as far as it is visible: boundary sides, corners, whether it closes, where it runs off. */
  outline: { boundarySides: Side[]; corners: number; closed: boolean; runsOff: Side[]; skewDeg: number; box: Region }
  /** Whether (and where) the document is cut off by the frame, and why. */
  crop: CropVerdict
  /** Where the document's content (text, portrait, lines) lies, normalised, and its long side in full-size pixels. */
  extent: { region: Region; longSidePx: number }
  colour: { meanChroma: number; p95Chroma: number; colouredFraction: number; sourceChannels: number }
}

function topBy(tiles: readonly GradientTile[], share: number, key: (t: GradientTile) => number): GradientTile[] {
  const k = Math.max(8, Math.round(tiles.length * share))
  return [...tiles].sort((a, b) => key(b) - key(a)).slice(0, k)
}

const round = (v: number, d = 3) => Math.round(v * 10 ** d) / 10 ** d

/**
 * Every pixel measurement the DOCUMENT_QUALITY checks judge, from one decoded image. `print`
 * (the MRZ locator's settings) measures which way the print runs, needed only for a frame with
 * no visible outline.
 */
export function measureDocument(img: DecodedImage, s: QualitySettings, print: LocatorSettings): DocumentMeasurements {
  const g = img.grey
  const grid = gradientTiles(g, s.tileSize)
  const tiles = grid.tiles
  // Sharpness is judged where the text is: the tiles with the most edge energy, per direction,
  // so a plain background does not make a sharp photo look blurred and camera shake along one
  // axis is not averaged away by the sharp other axis.
  const topX = topBy(tiles, s.sharpTileShare, (t) => t.gx2)
  const topY = topBy(tiles, s.sharpTileShare, (t) => t.gy2)
  const topXY = topBy(tiles, s.sharpTileShare, (t) => t.gx2 + t.gy2)
  const bx = blurEffect(topX).x
  const by = blurEffect(topY).y
  const ew = edgeWidth(topXY)
  const tenengrad = topXY.reduce((sum, t) => sum + t.gx2 + t.gy2, 0) / Math.max(1, topXY.length)

  const hist = histogram(g.data)
  let clipped = 0
  let crushed = 0
  for (let v = 250; v < 256; v++) clipped += hist[v]
  for (let v = 0; v <= 15; v++) crushed += hist[v]
  let sum = 0
  for (let v = 0; v < 256; v++) sum += v * hist[v]
  const n = g.data.length
  // Ink level: the darkest pixel of each tile that holds content, median over those tiles.
  // Over-exposure lifts the ink towards the paper; a white page with black text keeps it low.
  const contentMins = tiles.filter((t) => t.max - t.min >= 40).map((t) => t.min).sort((a, b) => a - b)
  const inkLevel = contentMins.length ? contentMins[Math.floor(contentMins.length / 2)] : 255

  // Content extent: tiles with real edge energy (text, portrait, lines), bounding box.
  const content = tiles.filter((t) => t.gx2 + t.gy2 >= s.contentTileEnergy)
  let region: Region = { x: 0, y: 0, w: 1, h: 1 }
  if (content.length >= 4) {
    const x0 = Math.min(...content.map((t) => t.x))
    const y0 = Math.min(...content.map((t) => t.y))
    const x1 = Math.max(...content.map((t) => t.x + t.size))
    const y1 = Math.max(...content.map((t) => t.y + t.size))
    region = { x: round(x0 / g.width), y: round(y0 / g.height), w: round((x1 - x0) / g.width), h: round((y1 - y0) / g.height) }
  }
  const longSidePx = Math.round(Math.max(region.w * img.width, region.h * img.height))

  const cut = measureCut(g, s)
  const outline = measureOutline(g, s)
  let printDeg: number | undefined
  const crop = judgeCrop(cut, outline, s, () => (printDeg ??= printDirectionDeg(g, print)))
  const ob = outline.box
  const toWorking = g.width / outline.width

  return {
    width: img.width,
    height: img.height,
    blur: {
      effect: round(Math.max(bx, by)),
      effectX: round(bx),
      effectY: round(by),
      laplacianVariance: round(laplacianVariance(g), 1),
      tenengrad: round(tenengrad, 1),
      edgeWidthPx: round(Math.max(ew.x, ew.y), 2),
      workingLongSide: Math.max(g.width, g.height),
    },
    luminance: {
      mean: round(sum / n, 1),
      p5: percentileOf(hist, 0.05),
      p50: percentileOf(hist, 0.5),
      p90: percentileOf(hist, 0.9),
      p98: percentileOf(hist, 0.98),
      clippedFraction: round(clipped / n),
      crushedFraction: round(crushed / n),
      inkLevel,
    },
    glare: measureGlare(img, s, { x0: ob.x0 * toWorking, x1: ob.x1 * toWorking, y0: ob.y0 * toWorking, y1: ob.y1 * toWorking }),
    cut,
    outline: {
      boundarySides: Object.keys(outline.boundary) as Side[],
      corners: outline.corners,
      closed: outline.closed,
      runsOff: outline.runsOff,
      skewDeg: outline.skewDeg,
      box: { x: round(ob.x0 / outline.width), y: round(ob.y0 / outline.height), w: round((ob.x1 - ob.x0) / outline.width), h: round((ob.y1 - ob.y0) / outline.height) },
    },
    crop: printDeg === undefined ? crop : { ...crop, printDirectionDeg: round(printDeg, 1) },
    extent: { region, longSidePx },
    colour: {
      meanChroma: round(img.rgbStats.meanChroma, 2),
      p95Chroma: img.rgbStats.p95Chroma,
      colouredFraction: round(img.rgbStats.colouredFraction, 4),
      sourceChannels: img.sourceChannels,
    },
  }
}
