import type { ReadLine } from './correct'
import { MRZ_ALPHABET, MRZ_CLASSES, type RecognisedChar, type RecognisedLine } from './recogniser'

/** How well the characters read must sit on an evenly spaced grid for the grid to be trusted. */
export interface RealignSettings {
  /** Largest RMS distance of a character from its grid slot, in character pitches. */
  maxSlotResidual: number
}

interface Placed {
  char: RecognisedChar
  centre: number
}

/**
 * OCR-B is monospaced and every MRZ line has a fixed number of characters (ICAO 9303: 30, 36 or
 * 44), so each character has a slot at a fixed pitch along the line. When the decoder returns a
 * line that is too short or too long (a thin `I` or a `<` whose votes stayed under the blank's,
 * or a glyph voted twice), the step at which each character was read puts it in its slot: an
 * empty slot is read again from the model's votes over that slot's steps, and two characters in
 * one slot keep the likelier. Returns null when the characters do not sit on an even grid (then
 * the caller falls back to the filler-run rule).
 */
export function realignLine(line: RecognisedLine, length: number, s: RealignSettings): ReadLine | null {
  const placed: Placed[] = []
  for (const char of line.chars) {
    if (!char.steps) return null
    placed.push({ char, centre: (char.steps[0] + char.steps[1]) / 2 })
  }
  if (placed.length < length / 2) return null
  const fit = fitGrid(placed)
  if (!fit || fit.span > length || fit.rms > s.maxSlotResidual) return null
  const steps = line.frames.length / MRZ_CLASSES
  let { offset } = fit
  const { pitch } = fit
  // Characters missing at either end: the grid grows on the side where the model saw more ink.
  for (let span = fit.span; span < length; span++) {
    const before = offset - pitch
    const after = offset + span * pitch
    const evidence = (centre: number) => (centre - pitch / 2 < 0 || centre + pitch / 2 > steps ? -1 : rereadSlot(line.frames, steps, centre, pitch).p)
    if (evidence(before) > evidence(after)) offset = before
  }

  const slots: (RecognisedChar | null)[] = new Array(length).fill(null)
  for (const p of placed) {
    const k = Math.round((p.centre - offset) / pitch)
    if (k < 0 || k >= length) continue
    const held = slots[k]
    if (!held || p.char.p > held.p) slots[k] = p.char
  }
  return slots.map((c, k) => c ?? rereadSlot(line.frames, steps, offset + k * pitch, pitch))
}

/**
 * The grid the characters read sit on: slot k is centred at offset + k × pitch (model steps),
 * slot 0 holding the first character read. Slots are first assigned walking along the
 * characters (a gap of two pitches is one missing character, half a pitch or less the same slot), then offset and pitch are fitted
 * by least squares and the slots assigned again. `rms` is the characters' distance from their
 * slots, in pitches.
 */
function fitGrid(placed: Placed[]): { offset: number; pitch: number; span: number; rms: number } | null {
  const gaps = placed.slice(1).map((p, i) => p.centre - placed[i].centre).sort((a, b) => a - b)
  let pitch = gaps[gaps.length >> 1]
  if (!(pitch > 0)) return null
  let slots: number[] = [0]
  // Two characters closer than half a pitch share a slot (one glyph voted twice).
  for (let i = 1; i < placed.length; i++) slots.push(slots[i - 1] + Math.round((placed[i].centre - placed[i - 1].centre) / pitch))
  let offset = placed[0].centre
  for (let round = 0; round < 3; round++) {
    const n = placed.length
    const mk = slots.reduce((a, b) => a + b, 0) / n
    const mc = placed.reduce((a, p) => a + p.centre, 0) / n
    let sxy = 0
    let sxx = 0
    placed.forEach((p, i) => {
      sxy += (slots[i] - mk) * (p.centre - mc)
      sxx += (slots[i] - mk) ** 2
    })
    if (sxx === 0) return null
    pitch = sxy / sxx
    if (!(pitch > 0)) return null
    offset = mc - pitch * mk
    const raw = placed.map((p) => Math.round((p.centre - offset) / pitch))
    offset += raw[0] * pitch
    slots = raw.map((k) => k - raw[0])
  }
  const rms = Math.sqrt(placed.reduce((a, p, i) => a + ((p.centre - offset - slots[i] * pitch) / pitch) ** 2, 0) / placed.length)
  return { offset, pitch, span: Math.max(...slots) + 1, rms }
}

/** The likeliest MRZ character the model saw anywhere in one slot's steps (blank left out). */
function rereadSlot(frames: Float32Array, steps: number, centre: number, pitch: number): RecognisedChar {
  const t0 = Math.max(0, Math.floor(centre - pitch / 2))
  const t1 = Math.min(steps - 1, Math.ceil(centre + pitch / 2))
  const best = new Float32Array(MRZ_ALPHABET.length)
  for (let t = t0; t <= t1; t++) {
    for (let m = 0; m < MRZ_ALPHABET.length; m++) best[m] = Math.max(best[m], frames[t * MRZ_CLASSES + m])
  }
  const ranked = [...best.keys()].sort((a, b) => best[b] - best[a])
  return {
    char: MRZ_ALPHABET[ranked[0]],
    p: best[ranked[0]],
    alternatives: ranked.slice(1, 4).filter((m) => best[m] > 1e-4).map((m) => ({ char: MRZ_ALPHABET[m], p: best[m] })),
    steps: [t0, t1],
  }
}
