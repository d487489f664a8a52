import type { Region } from '../../../shared/domain/finding'
import type { Side } from './cut'
import type { DocumentMeasurements } from './measure'
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
 * the light fixes both), and glare is not looked for in a blown-out one.
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
  if (overexposed) {
    out.push({
      code: 'OVEREXPOSED',
      confidence: confidenceFromMargin(L.mean, s.maxMeanLuminance, 0.04),
      evidence: { meanLuminance: L.mean, maxMeanLuminance: s.maxMeanLuminance, clippedFraction: L.clippedFraction, darkLevelP5: L.p5, inkLevel: L.inkLevel },
    })
  }

  if (m.blur.effect >= s.maxBlurEffect) {
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

  if (!overexposed && m.glare.largest) {
    out.push({
      code: 'GLARE',
      confidence: confidenceFromMargin(m.glare.fraction, s.minGlareFraction, 3),
      region: m.glare.largest.region,
      evidence: { glareFraction: m.glare.fraction, minGlareFraction: s.minGlareFraction, blobs: m.glare.blobs, largestBlobFraction: m.glare.largest.fraction },
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

  if (m.cut.cutSides.length) {
    const worst = Math.max(...m.cut.cutSides.map((side) => m.cut.sides[side].score))
    out.push({
      code: 'CROPPED',
      confidence: confidenceFromMargin(worst, s.minCutScore, 3),
      region: unionRegion(m.cut.cutSides.map((side) => SIDE_REGION[side])),
      sides: m.cut.cutSides,
      evidence: {
        cutSides: m.cut.cutSides,
        sides: m.cut.sides,
        minCutScore: s.minCutScore,
        minCutCoverage: s.minCutCoverage,
        cutOppositeRatio: s.cutOppositeRatio,
      },
    })
  }

  const greyFile = m.colour.sourceChannels <= 2
  if (!tooDark && (greyFile || m.colour.meanChroma < s.maxGreyChroma)) {
    out.push({
      code: 'BLACK_AND_WHITE',
      confidence: greyFile ? 0.97 : confidenceFromMargin(m.colour.meanChroma, s.maxGreyChroma, 1),
      evidence: { meanChroma: m.colour.meanChroma, maxGreyChroma: s.maxGreyChroma, colouredFraction: m.colour.colouredFraction, greyscaleFile: greyFile },
    })
  }
  return out
}
