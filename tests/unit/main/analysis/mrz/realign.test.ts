import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { correctMrz, readMrz, textOf } from '../../../../../src/main/analysis/mrz'
import { defaultMrzSettings } from '../../../../../src/main/analysis/mrz/mrz-settings'
import { realignLine } from '../../../../../src/main/analysis/mrz/realign'
import { MRZ_ALPHABET, MRZ_CLASSES, type RecognisedChar, type RecognisedLine } from '../../../../../src/main/analysis/mrz/recogniser'

const s = defaultMrzSettings()
const LINE = 'P<CHNXU<<WEI<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<'
const LINE2 = 'E871814294CHN6010232M3204038<<<<<<<<<<<<<<<4'
const PITCH = 7.5
const FIRST = 8

/**
 * What the recogniser returns for a cleanly printed line: one step per character at a fixed
 * pitch (the decoder votes early in each glyph), blank everywhere else. `faint` characters get
 * only `faintP` at their step, under the blank's vote, so the decoder drops them.
 */
function recognised(text: string, opts: { faint?: number[]; faintP?: number; extra?: { at: number; char: string; p: number }[]; jitter?: (k: number) => number } = {}): RecognisedLine {
  const steps = Math.ceil(FIRST + text.length * PITCH + 8)
  const frames = new Float32Array(steps * MRZ_CLASSES)
  for (let t = 0; t < steps; t++) frames[t * MRZ_CLASSES + MRZ_CLASSES - 1] = 1
  const chars: { t: number; c: RecognisedChar }[] = []
  const vote = (t: number, char: string, p: number) => {
    frames[t * MRZ_CLASSES + MRZ_ALPHABET.indexOf(char)] = p
    frames[t * MRZ_CLASSES + MRZ_CLASSES - 1] = 1 - p
  }
  ;[...text].forEach((char, k) => {
    const t = Math.round(FIRST + k * PITCH + (opts.jitter?.(k) ?? 0))
    if (opts.faint?.includes(k)) {
      vote(t, char, opts.faintP ?? 0.3)
      return
    }
    vote(t, char, 0.95)
    chars.push({ t, c: { char, p: 0.95, alternatives: [], steps: [t, t] } })
  })
  for (const e of opts.extra ?? []) chars.push({ t: e.at, c: { char: e.char, p: e.p, alternatives: [], steps: [e.at, e.at] } })
  chars.sort((a, b) => a.t - b.t)
  const list = chars.map((x) => x.c)
  return { text: list.map((c) => c.char).join(''), chars: list, mean: 0.95, frames, inkSteps: [FIRST - 3, FIRST + text.length * PITCH] }
}

describe('putting a line read short or long back on the fixed MRZ character grid', () => {
  it('restores the thin I that the decoder dropped before the filler (XU<<WEI<<<)', () => {
    const line = recognised(LINE, { faint: [11] })
    expect(line.text).toBe(LINE.slice(0, 11) + LINE.slice(12))
    const fixed = realignLine(line, 44, s)
    expect(fixed && textOf(fixed)).toBe(LINE)
    // The filler-run rule alone pads the longest '<' run and loses the I for good.
    expect(correctMrz([line.chars, recognised(LINE2).chars], s)?.lines.map(textOf)[0]).toBe('P<CHNXU<<WE<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<')
    expect(correctMrz([fixed!, recognised(LINE2).chars], s)?.lines.map(textOf)).toEqual([LINE, LINE2])
  })

  it('restores a character missing at either end from where the model saw ink', () => {
    const first = realignLine(recognised(LINE2, { faint: [0] }), 44, s)
    expect(first && textOf(first)).toBe(LINE2)
    const last = realignLine(recognised(LINE2, { faint: [43] }), 44, s)
    expect(last && textOf(last)).toBe(LINE2)
  })

  it('keeps the likelier of two characters read in one slot', () => {
    const line = recognised(LINE2, { extra: [{ at: Math.round(FIRST + 20 * PITCH) + 2, char: 'N', p: 0.4 }] })
    expect(line.chars).toHaveLength(45)
    const fixed = realignLine(line, 44, s)
    expect(fixed && textOf(fixed)).toBe(LINE2)
  })

  it('tolerates the small spacing jitter of a real photo but refuses characters off any even grid', () => {
    const jittered = realignLine(recognised(LINE, { faint: [11], jitter: (k) => (k % 3) - 1 }), 44, s)
    expect(jittered && textOf(jittered)).toBe(LINE)
    // Spacing that drifts by half a character every few characters is not one printed line.
    const scrambled = recognised(LINE, { faint: [11], jitter: (k) => (k % 4 < 2 ? 0 : PITCH * 0.45) })
    expect(realignLine(scrambled, 44, s)).toBeNull()
  })

  it('refuses a line that holds more characters than the format', () => {
    expect(realignLine(recognised(LINE + '<<<<<<<<'), 44, s)).toBeNull()
  })
})

describe('readMrz on a demo passport whose I before the filler the decoder dropped', () => {
  it('reads XU<<WEI exactly (the plain decoding gave XU<<WE)', async () => {
    const image = readFileSync(join(__dirname, '../../../../fixtures/mrz/demo-xu-wei.jpg'))
    const reading = await readMrz(image, undefined, new Date('2026-11-29T00:00:00Z'))
    expect(reading?.lines).toEqual([LINE, LINE2])
    expect(reading?.fields.firstName).toBe('WEI')
    expect(reading?.checks.every((c) => c.valid)).toBe(true)
  })
})
