import type { CutMeasure, Side } from './cut'
import type { Outline } from './outline'

/**
 * Width / height of the ICAO 9303 document sizes: ID-1 (TD1 cards, 85.60 × 53.98 mm) and
 * ID-2 / ID-3 (TD2 cards 105 × 74 mm, TD3 passport pages 125 × 88 mm: both 1.42).
 */
export const DOCUMENT_ASPECTS = { 'ID-1': 85.6 / 53.98, 'ID-2': 105 / 74, 'ID-3': 125 / 88 } as const

export interface CropJudgeSettings {
  /** How far (relative) the visible document's width / height may be from an ICAO size and still be whole. */
  aspectTolerance: number
  /** Ink crossing the frame on a side (see cut.ts): mean step and share of the edge. */
  minCutScore: number
  minCutCoverage: number
  /** A frame with no outline is taken for the document only when the print is this straight (degrees). */
  maxTightScanSkewDeg: number
}

export type CropReason = 'outline-runs-off' | 'aspect' | 'ink-at-edge'

export interface CropVerdict {
  cutSides: Side[]
  /** Why each side was called cut. */
  reasons: Partial<Record<Side, CropReason>>
  /** Width / height of what the outline encloses (the frame where no line closes a side). */
  aspect: number
  /** Which axis the visible shape is short on for a whole ICAO document, if any. */
  shortAxis: 'horizontal' | 'vertical' | null
  /** Direction of the print, degrees, when it had to be measured (a frame with no outline). */
  printDirectionDeg?: number
}

const HORIZONTAL: readonly Side[] = ['left', 'right']
const VERTICAL: readonly Side[] = ['top', 'bottom']

/**
 * Whether the document is cut off by the frame, and where, from its outline rather than from
 * ink touching the edge (a cut through a blank margin leaves no ink there):
 * - an outline closed on all four sides is a whole document, whatever ink touches the frame;
 * - a side the outline runs off (its lines reach the frame, no line closes it) is cut when the
 *   visible shape is narrower (or wider) than every ICAO size on that axis, by half the tolerance;
 * - otherwise the visible shape (the outline's box, sides without a line taken at the frame)
 *   must have the proportions of an ICAO document, within `aspectTolerance`. If it is too narrow
 *   (or too wide), the document is cut on the axis it is short on, on the side of that axis no
 *   boundary line closes (of two open sides, the one with more ink crossing the frame);
 * - with no outline at all the frame is the document only for a flat, upright scan: the print
 *   must run along the frame's axes (`textSkewDeg`, measured only then) and show ink crossing
 *   the frame on the side called cut;
 * - the older rule stays for what the outline cannot see: ink running off one side much more
 *   than off the opposite one, on a side no boundary line closes.
 */
export function judgeCrop(ink: CutMeasure, outline: Outline, s: CropJudgeSettings, textSkewDeg: () => number): CropVerdict {
  const b = outline.boundary
  const reasons: Partial<Record<Side, CropReason>> = {}
  const w = outline.box.x1 - outline.box.x0
  const h = outline.box.y1 - outline.box.y0
  const aspect = Math.round((w / Math.max(1, h)) * 1000) / 1000
  if (outline.closed) return { cutSides: [], reasons, aspect, shortAxis: null }

  // A document turned a quarter (portrait frame) is judged on its turned proportions.
  const smallest = Math.min(...Object.values(DOCUMENT_ASPECTS))
  const largest = Math.max(...Object.values(DOCUMENT_ASPECTS))
  const landscape = aspect >= 1 || aspect < 1 / (largest * (1 + s.aspectTolerance))
  const a = landscape ? aspect : 1 / aspect
  const axisOf = (tooNarrow: boolean): 'horizontal' | 'vertical' => (tooNarrow === landscape ? 'horizontal' : 'vertical')
  const sidesOf = (axis: 'horizontal' | 'vertical') => (axis === 'horizontal' ? HORIZONTAL : VERTICAL)

  // The outline already shows the cut: half the tolerance is enough to confirm it. Running off
  // both sides of the short axis, the side with more ink crossing the frame is the cut one.
  const beyond = a < smallest * (1 - s.aspectTolerance / 2) ? axisOf(true) : a > largest * (1 + s.aspectTolerance / 2) ? axisOf(false) : null
  const runsOff = beyond ? sidesOf(beyond).filter((side) => outline.runsOff.includes(side)) : []
  if (runsOff.length) {
    const side = runsOff.length === 1 || ink.sides[runsOff[0]].score >= ink.sides[runsOff[1]].score ? runsOff[0] : runsOff[1]
    reasons[side] = 'outline-runs-off'
  }

  let shortAxis: CropVerdict['shortAxis'] = null
  if (a < smallest * (1 - s.aspectTolerance)) shortAxis = axisOf(true)
  else if (a > largest * (1 + s.aspectTolerance)) shortAxis = axisOf(false)
  if (shortAxis && !sidesOf(shortAxis).some((side) => reasons[side])) {
    const open = sidesOf(shortAxis).filter((side) => !b[side])
    const inkOf = (side: Side) => ink.sides[side].score
    const pick = open.length === 2 ? (inkOf(open[0]) >= inkOf(open[1]) ? open[0] : open[1]) : open[0]
    const anyBoundary = Object.keys(b).length > 0
    const showsInk = (side: Side) => ink.sides[side].score >= s.minCutScore && ink.sides[side].coverage >= s.minCutCoverage
    const upright = () => {
      const skew = textSkewDeg()
      return Math.abs(skew - 90 * Math.round(skew / 90)) <= s.maxTightScanSkewDeg
    }
    if (pick && (anyBoundary || (showsInk(pick) && upright()))) reasons[pick] = 'aspect'
  }
  for (const side of ink.cutSides) if (!b[side] && !reasons[side]) reasons[side] = 'ink-at-edge'
  const cutSides = (['left', 'right', 'top', 'bottom'] as const).filter((side) => reasons[side])
  return { cutSides, reasons, aspect, shortAxis }
}
