import type { GreyImage } from '../image/types'
import type { QualitySettings } from './quality-settings'

export type Side = 'left' | 'right' | 'top' | 'bottom'
export const SIDES: readonly Side[] = ['left', 'right', 'top', 'bottom']
const OPPOSITE: Record<Side, Side> = { left: 'right', right: 'left', top: 'bottom', bottom: 'top' }

export interface SideCut {
  /** Mean absolute step between neighbours along the edge, in the outermost pixels. */
  score: number
  /** Share of the edge (in 50 bins) where a strong step crosses it. */
  coverage: number
}

export interface CutMeasure {
  sides: Record<Side, SideCut>
  /** Sides where the content runs off the frame while the opposite side does not. */
  cutSides: Side[]
}

const BINS = 50

/**
 * A side is "cut" when text or the portrait runs off the frame there: many strong steps along
 * the outermost pixels of that edge (strokes crossing it), clearly more than along the opposite
 * edge. A document photographed whole has a margin, a plain background or its own border line
 * (a step parallel to the edge, which does not count) on every side. Comparing with the opposite
 * side keeps tight scans whose background pattern touches every edge from being called cropped.
 */
export function measureCut(g: GreyImage, s: QualitySettings): CutMeasure {
  const { data, width: w, height: h } = g
  const depth = Math.max(1, Math.min(s.cutStripDepth, Math.floor(Math.min(w, h) / 4)))
  const measure = (side: Side): SideCut => {
    const vertical = side === 'left' || side === 'right'
    const len = vertical ? h : w
    const hit = new Uint8Array(BINS)
    let total = 0
    let count = 0
    for (let k = 1; k <= depth; k++) {
      for (let p = 0; p < len - 1; p++) {
        let a: number
        let b: number
        if (vertical) {
          const x = side === 'left' ? k : w - 1 - k
          a = data[p * w + x]
          b = data[(p + 1) * w + x]
        } else {
          const y = side === 'top' ? k : h - 1 - k
          a = data[y * w + p]
          b = data[y * w + p + 1]
        }
        const step = Math.abs(a - b)
        total += step
        count++
        if (step > s.cutStepLevel) hit[Math.floor((p * BINS) / len)] = 1
      }
    }
    return { score: Math.round((total / Math.max(1, count)) * 100) / 100, coverage: hit.reduce((x, y) => x + y, 0) / BINS }
  }
  const sides = { left: measure('left'), right: measure('right'), top: measure('top'), bottom: measure('bottom') }
  const cutSides = SIDES.filter((side) => {
    const here = sides[side]
    const there = sides[OPPOSITE[side]]
    return here.score >= s.minCutScore && here.coverage >= s.minCutCoverage && here.score >= s.cutOppositeRatio * (there.score + 1)
  })
  return { sides, cutSides }
}
