import type { Region } from '../../../shared/domain/finding'
import type { Side } from './cut'
import type { DocumentMeasurements } from './measure'
import { DOCUMENT_ASPECTS } from './crop'
import type { QualitySettings } from './quality-settings'

export type QualityCode = 'BLURRY' | 'GLARE' | 'TOO_DARK' | 'OVEREXPOSED' | 'LOW_RESOLUTION' | 'CROPPED' | 'BLACK_AND_WHITE'

/** One problem found on one image, before it is worded. */
export interface QualityVerdict {
  code: QualityCode
  confidence: number
  evidence: Record<string, unknown>
  region?: Region
  sides?: Side[]
}

/**
 * Confidence from how far past its threshold a value is, relative to the threshold: just past
 * it 0.6, twice as far past as `span` (a relative distance) 0.99. Thresholds sit in the gap
 * between acceptable and degraded images, so a value near one is the least certain.
 */
export function confidenceFromMargin(value: number, threshold: number, span: number): number {
  const distance = Math.abs(value - threshold) / Math.max(1e-9, Math.abs(threshold) * span)
  return Math.round(Math.min(0.99, 0.6 + 0.39 * Math.min(1, distance)) * 100) / 100
}

const round2 = (v: number) => Math.round(v * 100) / 100

/**
 * An outline running off the frame is the plainest evidence (0.95); a shape too narrow or too
 * wide for any ICAO size is surer the further it is from one; ink running off the edge, as before.
 */
function cropConfidence(m: DocumentMeasurements, s: QualitySettings): number {
  const reasons = Object.values(m.crop.reasons)
  if (reasons.includes('outline-runs-off')) return 0.95
  if (reasons.includes('aspect')) {
    const lo = Math.min(...Object.values(DOCUMENT_ASPECTS))
    const hi = Math.max(...Object.values(DOCUMENT_ASPECTS))
    const a = m.crop.aspect >= 1 ? m.crop.aspect : 1 / m.crop.aspect
    const off = a < lo ? lo / a - 1 : a / hi - 1
    return confidenceFromMargin(1 + off, 1 + s.aspectTolerance, 0.2)
  }
  const worst = Math.max(...m.crop.cutSides.map((side) => m.cut.sides[side].score))
  return confidenceFromMargin(worst, s.minCutScore, 3)
}

const STRIP = 0.06
const SIDE_REGION: Record<Side, Region> = {
  left: { x: 0, y: 0, w: STRIP, h: 1 },
  right: { x: 1 - STRIP, y: 0, w: STRIP, h: 1 },
  top: { x: 0, y: 0, w: 1, h: STRIP },
  bottom: { x: 0, y: 1 - STRIP, w: 1, h: STRIP },
}

function unionRegion(regions: Region[]): Region {
  const x0 = Math.min(...regions.map((r) => r.x))
  const y0 = Math.min(...regions.map((r) => r.y))
  const x1 = Math.max(...regions.map((r) => r.x + r.w))
  const y1 = Math.max(...regions.map((r) => r.y + r.h))
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }
}

/**
 * The DOCUMENT_QUALITY decisions for one image. Exposure is judged first: a too dark or
 * blown-out photo also loses colour and contrast, so colour is not judged on it (the retake for
 * the light fixes both), and glare is not looked for in a blown-out, blurred or greyscale one.
 */
export function judgeQuality(m: DocumentMeasurements, s: QualitySettings): QualityVerdict[] {
  const out: QualityVerdict[] = []
  const L = m.luminance

  const tooDark = L.p90 < s.minDarkP90
  if (tooDark) {
    out.push({
      code: 'TOO_DARK',
      confidence: confidenceFromMargin(L.p90, s.minDarkP90, 0.5),
      evidence: { brightLevelP90: L.p90, minBrightLevelP90: s.minDarkP90, meanLuminance: L.mean, crushedFraction: L.crushedFraction },
    })
  }
  const overexposed = L.mean >= s.maxMeanLuminance
  const blurred = m.blur.effect >= s.maxBlurEffect
  if (overexposed) {
    out.push({
      code: 'OVEREXPOSED',
      confidence: confidenceFromMargin(L.mean, s.maxMeanLuminance, 0.04),
      evidence: { meanLuminance: L.mean, maxMeanLuminance: s.maxMeanLuminance, clippedFraction: L.clippedFraction, darkLevelP5: L.p5, inkLevel: L.inkLevel },
    })
  }

  if (blurred) {
    out.push({
      code: 'BLURRY',
      confidence: confidenceFromMargin(m.blur.effect, s.maxBlurEffect, 1.5),
      evidence: {
        blurEffect: m.blur.effect,
        maxBlurEffect: s.maxBlurEffect,
        blurEffectHorizontal: m.blur.effectX,
        blurEffectVertical: m.blur.effectY,
        laplacianVariance: m.blur.laplacianVariance,
        tenengrad: m.blur.tenengrad,
        edgeWidthPx: m.blur.edgeWidthPx,
        workingLongSidePx: m.blur.workingLongSide,
      },
    })
  }

  // A reflection is found by the colour it washes out and its soft edge: a greyscale image has
  // no colour to lose, and in a blurred one every white field has a soft edge.
  const greyFile = m.colour.sourceChannels <= 2
  const colourless = greyFile || m.colour.meanChroma < s.maxGreyChroma
  if (!overexposed && !colourless && !blurred && m.glare.largest) {
    const g = m.glare.largest
    out.push({
      code: 'GLARE',
      confidence: confidenceFromMargin(m.glare.fraction, s.minGlareFraction, 3),
      region: g.region,
      evidence: {
        glareFraction: m.glare.fraction,
        minGlareFraction: s.minGlareFraction,
        blobs: m.glare.blobs,
        largestBlobFraction: g.fraction,
        highlightLevel: g.level,
        paperLevel: g.paperLevel,
        brighterThanPaper: g.margin,
        minGlareMargin: s.minGlareMargin,
        edgeSteepness: g.edgeSteepness,
        maxGlareEdgeSteepness: s.maxGlareEdgeSteepness,
      },
    })
  }

  if (m.extent.longSidePx < s.minDocumentLongSide) {
    out.push({
      code: 'LOW_RESOLUTION',
      confidence: confidenceFromMargin(m.extent.longSidePx, s.minDocumentLongSide, 0.5),
      region: m.extent.region,
      evidence: { documentLongSidePx: m.extent.longSidePx, minDocumentLongSidePx: s.minDocumentLongSide, imageWidth: m.width, imageHeight: m.height },
    })
  }

  if (m.crop.cutSides.length) {
    out.push({
      code: 'CROPPED',
      confidence: cropConfidence(m, s),
      region: unionRegion(m.crop.cutSides.map((side) => SIDE_REGION[side])),
      sides: m.crop.cutSides,
      evidence: {
        cutSides: m.crop.cutSides,
        reasons: m.crop.reasons,
        visibleAspect: m.crop.aspect,
        shortAxis: m.crop.shortAxis,
        documentAspects: { min: round2(Math.min(...Object.values(DOCUMENT_ASPECTS))), max: round2(Math.max(...Object.values(DOCUMENT_ASPECTS))) },
        aspectTolerance: s.aspectTolerance,
        outline: m.outline,
        inkAtEdges: m.cut.sides,
        ...(m.crop.printDirectionDeg !== undefined ? { printDirectionDeg: m.crop.printDirectionDeg } : {}),
        minCutScore: s.minCutScore,
        minCutCoverage: s.minCutCoverage,
        cutOppositeRatio: s.cutOppositeRatio,
      },
    })
  }

  // A file stored grey, or grey in (almost) every pixel, is a black-and-white copy whatever its
  // exposure; low chroma alone is judged only on a properly exposed photo, since too little or
  // too much light also drains a colour photo's colour.
  const digitallyGrey = greyFile || m.colour.p95Chroma === 0
  if (digitallyGrey || (!tooDark && !overexposed && colourless)) {
    out.push({
      code: 'BLACK_AND_WHITE',
      confidence: digitallyGrey ? 0.97 : confidenceFromMargin(m.colour.meanChroma, s.maxGreyChroma, 1),
      evidence: { meanChroma: m.colour.meanChroma, maxGreyChroma: s.maxGreyChroma, colouredFraction: m.colour.colouredFraction, greyscaleFile: greyFile },
    })
  }
  return out
}
