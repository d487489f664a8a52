import type { DocumentFields } from '../../../shared/domain/document-data'
import type { Region } from '../../../shared/domain/finding'
import { correctMrz, guessFormat, nameFieldUnreadable, textOf, type ReadLine } from './correct'
import { LINE_LENGTH, type MrzFormat } from './formats'
import { decodeGrey, shrinkGrey } from './grey-image'
import { cropLine } from './line-crop'
import { estimateTextAngle, findBands, frameToImage, inkMask, keepCharacterBlobs, type BandCandidate } from './locate-band'
import { defaultMrzSettings, type MrzSettings } from './mrz-settings'
import { parseMrzLines, type MrzCheck } from './parse-mrz'
import { realignLine } from './realign'
import { recogniseLine, type RecognisedLine } from './recogniser'

export interface MrzReading {
  /** The MRZ lines exactly as read, after correction. */
  lines: string[]
  format: MrzFormat
  fields: DocumentFields
  checks: MrzCheck[]
  /** The MRZ band on the image as shown (EXIF orientation applied), normalised 0..1. */
  region: Region
  /** How far the document is turned in the image, clockwise: the reader turned it back by this much. */
  rotation: 0 | 90 | 180 | 270
  /** Residual skew after the quarter turn, degrees clockwise. */
  skewDeg: number
  /** Mean character probability × share of check digits valid. */
  confidence: number
}

interface Attempt {
  band: BandCandidate
  lines: ReadLine[]
  format: MrzFormat
  fields: DocumentFields
  checks: MrzCheck[]
  meanP: number
  /** False when the name field is still filler read as letters (see nameFieldUnreadable). */
  namesRead: boolean
}

/**
 * Reads the machine-readable zone of a document photo, offline: finds the text direction and
 * the MRZ band (long, evenly spaced lines low on the page), reads each line with the PP-OCRv4
 * recogniser restricted to MRZ characters, corrects the reading by format, field type, ICAO
 * country codes and check digits, and parses it. Null when no MRZ could be read, including for
 * bytes that are not a decodable image.
 */
export async function readMrz(image: Buffer, settings: MrzSettings = defaultMrzSettings(), now = new Date()): Promise<MrzReading | null> {
  const s = settings
  const hi = await decodeGrey(image, s.decodeMaxSide, s.maxInputPixels)
  if (!hi) return null
  const { image: lo, scale } = await shrinkGrey(hi, s.locatorMaxSide)
  const mask = keepCharacterBlobs(inkMask(lo, s), lo.width, lo.height, s)
  const angle = estimateTextAngle(mask, lo.width, lo.height, s)
  const bands = [...findBands(mask, lo.width, lo.height, angle, s), ...findBands(mask, lo.width, lo.height, angle + 180, s)]
    .sort((a, b) => b.score - a.score)
    .slice(0, s.maxBandCandidates)

  let best: Attempt | null = null
  const validShare = (a: Attempt) => a.checks.filter((c) => c.valid).length / Math.max(1, a.checks.length)
  // More valid check digits first, then readable names, then the more confident reading.
  const better = (a: Attempt, b: Attempt) =>
    validShare(a) !== validShare(b) ? validShare(a) > validShare(b) : a.namesRead !== b.namesRead ? a.namesRead : a.meanP > b.meanP
  for (const band of bands) {
    for (const stretch of [s.lineStretch, s.fallbackLineStretch, s.lastLineStretch]) {
      const recognised: RecognisedLine[] = []
      for (const line of band.lines) {
        const r = await recogniseLine(cropLine(hi, scale, band, line, { ...s, lineStretch: stretch }))
        if (r.mean < s.minLineMeanP) break
        recognised.push(r)
      }
      // A line the recogniser cannot read (upside down, not text) rules the band out at any stretch.
      if (recognised.length < band.lines.length) break
      const corrected = correctMrz(toFormatLength(recognised, s), s)
      if (!corrected) break
      const parsed = parseMrzLines(corrected.lines.map(textOf), now)
      if (!parsed) break
      // Names read as filler letters, or from characters too few pixels tall to tell a letter from
      // '<', are left out, so nothing is compared with them; the lines stay as read.
      const namesRead = !nameFieldUnreadable(corrected.lines, corrected.format) && lineHeightPx(band, scale) >= s.minNameLineHeightPx
      if (!namesRead) {
        delete parsed.fields.lastName
        delete parsed.fields.firstName
      }
      const chars = corrected.lines.flat()
      const attempt: Attempt = { band, lines: corrected.lines, format: corrected.format, fields: parsed.fields, checks: parsed.checks, meanP: chars.reduce((t, c) => t + c.p, 0) / chars.length, namesRead }
      // A band the frame cuts off lost characters: its reading counts only if every check digit holds.
      if (validShare(attempt) < 1 && cutByFrame(band, lo.width, lo.height)) continue
      if (!best || better(attempt, best)) best = attempt
      if (validShare(attempt) === 1 && namesRead) return toReading(attempt, lo.width, lo.height, s)
    }
  }
  return best && validShare(best) >= s.minValidCheckFraction ? toReading(best, lo.width, lo.height, s) : null
}

/** The band's line height in pixels of the decoded image (its smallest line). */
function lineHeightPx(band: BandCandidate, scale: number): number {
  return Math.min(...band.lines.map((l) => l.v1 - l.v0)) * scale
}

/** Whether a line of the band starts or ends at the image's border (within half a line height). */
function cutByFrame(band: BandCandidate, width: number, height: number): boolean {
  return band.lines.some((l) => {
    const margin = Math.max(2, (l.v1 - l.v0) / 2)
    const v = (l.v0 + l.v1) / 2
    return [l.u0, l.u1].some((u) => {
      const [x, y] = frameToImage(band, u, v)
      return x < margin || y < margin || x > width - 1 - margin || y > height - 1 - margin
    })
  })
}

/**
 * Lines read with too few or too many characters are put back on the fixed character grid of
 * their format (see realign.ts); lines that do not sit on an even grid are left for the
 * filler-run rule of the correction step.
 */
function toFormatLength(recognised: RecognisedLine[], s: MrzSettings): ReadLine[] {
  const read = recognised.map((r) => r.chars)
  const format = guessFormat(read, s)
  if (!format) return read
  return recognised.map((r) => (r.chars.length === LINE_LENGTH[format] ? r.chars : (realignLine(r, LINE_LENGTH[format], s) ?? r.chars)))
}

function toReading(a: Attempt, width: number, height: number, s: MrzSettings): MrzReading {
  const quarter = (((Math.round(a.band.angleDeg / 90) * 90) % 360) + 360) % 360
  const valid = a.checks.filter((c) => c.valid).length / Math.max(1, a.checks.length)
  return {
    lines: a.lines.map(textOf),
    format: a.format,
    fields: a.fields,
    checks: a.checks,
    region: bandRegion(a.band, width, height, s),
    rotation: quarter as MrzReading['rotation'],
    skewDeg: Math.round((((a.band.angleDeg - quarter + 540) % 360) - 180) * 10) / 10 || 0,
    confidence: Math.round(a.meanP * valid * 1000) / 1000,
  }
}

/** The band's padded outline, turned back onto the image and boxed, normalised. */
function bandRegion(band: BandCandidate, width: number, height: number, s: MrzSettings): Region {
  const h = Math.max(...band.lines.map((l) => l.v1 - l.v0))
  const u0 = Math.min(...band.lines.map((l) => l.u0)) - s.linePadHorizontal * h
  const u1 = Math.max(...band.lines.map((l) => l.u1)) + s.linePadHorizontal * h
  const v0 = band.lines[0].v0 - s.linePadVertical * h
  const v1 = band.lines[band.lines.length - 1].v1 + s.linePadVertical * h
  const corners = [[u0, v0], [u1, v0], [u1, v1], [u0, v1]].map(([u, v]) => frameToImage(band, u, v))
  const clamp = (x: number) => Math.min(1, Math.max(0, x))
  const x0 = clamp(Math.min(...corners.map((c) => c[0])) / width)
  const x1 = clamp(Math.max(...corners.map((c) => c[0])) / width)
  const y0 = clamp(Math.min(...corners.map((c) => c[1])) / height)
  const y1 = clamp(Math.max(...corners.map((c) => c[1])) / height)
  const r = (x: number) => Math.round(x * 10000) / 10000
  return { x: r(x0), y: r(y0), w: r(x1 - x0), h: r(y1 - y0) }
}
