import { CHECKS, COUNTRY_FIELDS, LINE_COUNT, LINE_LENGTH, NAME_FIELD, TEMPLATES, checkHolds, type MrzFormat, type PositionType } from './formats'
import { isIcaoCode } from './icao-codes'
import type { RecognisedChar } from './recogniser'

/** A line as read: characters with the model's probability and runners-up. */
export type ReadLine = RecognisedChar[]

/** Tunables of the correction step (from the "mrz" settings section). */
export interface CorrectionSettings {
  /** How far (characters) a read line may be from its format's length and still be repaired. */
  maxLengthError: number
  /** A letter read in a filler run is taken for '<' when the model gave '<' at least this probability there. */
  fillerAltMinP: number
  /** A look-alike letter just before the name filler becomes '<' when the model gave '<' at least this much. */
  fillerEdgeAltMinP: number
  /** At most this many characters changed to make one check digit pass. */
  maxCheckRepairs: number
}

/** OCR-B look-alikes: what a character read at a digit position may really be, and vice versa. */
const TO_DIGIT: Record<string, string> = { O: '0', Q: '0', D: '0', U: '0', I: '1', L: '1', Z: '2', S: '5', B: '8', G: '6', T: '7', A: '4' }
const TO_LETTER: Record<string, string> = { '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '8': 'B', '6': 'G', '4': 'A', '7': 'T' }
/** Besides the plain swaps: 0 is also what C, D and Q turn into in country codes ("0AN" for CAN). */
const COUNTRY_ALTERNATIVES: Record<string, string[]> = { G: ['C'], C: ['G'], '0': ['O', 'C', 'D', 'Q'], '1': ['I'], '2': ['Z'], '5': ['S'], '8': ['B'], '6': ['G'], '4': ['A'], '7': ['T'] }
/** Thin strokes of '<' that the model sometimes reads as a letter. */
const FILLER_LOOKALIKES = new Set(['K', 'L', 'C', 'E', 'I'])

const isDigit = (c: string) => c >= '0' && c <= '9'
const isLetter = (c: string) => c >= 'A' && c <= 'Z'

export function textOf(line: ReadLine): string {
  return line.map((c) => c.char).join('')
}

export function fromText(text: string): ReadLine {
  return [...text].map((char) => ({ char, p: 1, alternatives: [] }))
}

/** The format whose shape best fits what was read, or null when no format is close enough. */
export function guessFormat(lines: ReadLine[], s: CorrectionSettings): MrzFormat | null {
  const candidates: MrzFormat[] = lines.length === 3 ? ['TD1'] : lines.length === 2 ? ['TD2', 'TD3'] : []
  let best: MrzFormat | null = null
  let bestError = Infinity
  for (const f of candidates) {
    // The second line has the fewest filler runs, so its length is the more reliable of the two.
    const error = Math.max(...lines.map((l, i) => Math.abs(l.length - LINE_LENGTH[f]) * (i === 0 && lines.length === 2 ? 0.5 : 1)))
    if (error < bestError) { bestError = error; best = f }
  }
  if (best && lines[0][0]?.char === 'P' && best === 'TD2' && Math.abs(lines[1].length - 44) <= s.maxLengthError) best = 'TD3'
  return best !== null && bestError <= s.maxLengthError ? best : null
}

/**
 * Brings a line to its format's length. The count of '<' in a filler run is what OCR gets wrong
 * most often, so characters are added to or taken from the longest run of '<'; without one, the
 * least probable characters go, or filler is added at the end.
 */
export function fixLength(line: ReadLine, length: number): ReadLine {
  const out = [...line]
  // A mark just before the first character (card edge, shadow) read as a faint letter.
  while (out.length > length && out[0].p < 0.5) out.shift()
  while (out.length !== length) {
    let runStart = -1
    let runLength = 0
    for (let i = 0; i < out.length; ) {
      if (out[i].char !== '<') { i++; continue }
      let j = i
      while (j < out.length && out[j].char === '<') j++
      if (j - i >= runLength) { runLength = j - i; runStart = i }
      i = j
    }
    if (out.length > length) {
      if (runLength >= 2) out.splice(runStart, 1)
      else {
        let worst = 0
        out.forEach((c, i) => { if (c.p < out[worst].p) worst = i })
        out.splice(worst, 1)
      }
    } else if (runLength >= 1) out.splice(runStart, 0, { char: '<', p: 0.5, alternatives: [] })
    else out.push({ char: '<', p: 0.5, alternatives: [] })
  }
  return out
}

function swap(c: RecognisedChar, char: string): RecognisedChar {
  if (c.char === char) return c
  const alt = c.alternatives.find((a) => a.char === char)
  return { char, p: alt?.p ?? c.p * 0.5, alternatives: [{ char: c.char, p: c.p }, ...c.alternatives.filter((a) => a.char !== char)] }
}

/** Digits where digits must be, letters where letters must be, by the look-alike tables. */
function correctByType(lines: ReadLine[], format: MrzFormat): ReadLine[] {
  return lines.map((line, li) =>
    line.map((c, i) => {
      const type = TEMPLATES[format][li][i] as PositionType
      if ((type === 'N' || type === 'C') && !isDigit(c.char) && TO_DIGIT[c.char] && !(type === 'C' && c.char === '<')) return swap(c, TO_DIGIT[c.char])
      if (type === 'A' && isDigit(c.char) && TO_LETTER[c.char]) return swap(c, TO_LETTER[c.char])
      if (type === 'S' && !'MFX<'.includes(c.char)) {
        const alt = c.alternatives.find((a) => 'MFX<'.includes(a.char))
        if (alt) return swap(c, alt.char)
      }
      return c
    }),
  )
}

/**
 * Once the names have ended (the first "<<<": names never hold three fillers in a row), the rest
 * of the field is filler; a letter there is a misread '<' when the model also saw '<' in it.
 */
function correctNameFiller(lines: ReadLine[], format: MrzFormat, s: CorrectionSettings): ReadLine[] {
  const [li, start, end] = NAME_FIELD[format]
  const line = [...lines[li]]
  // The document code's second character is a letter or '<' ("P<", "ID"): same K/L look-alike rule.
  const code2 = lines[0][1]
  if (code2 && FILLER_LOOKALIKES.has(code2.char) && (code2.alternatives.find((a) => a.char === '<')?.p ?? 0) >= s.fillerAltMinP) {
    lines = lines.map((l, i) => (i === 0 ? [l[0], swap(l[1], '<'), ...l.slice(2)] : l))
    if (li === 0) line[1] = lines[0][1]
  }
  const text = textOf(line.slice(start, end))
  const fillerP = (c: RecognisedChar) => c.alternatives.find((a) => a.char === '<')?.p ?? 0
  let tail = text.indexOf('<<<')
  if (tail < 0) tail = end - start
  // No "<<" between surname and given names before the filler: one of them was read as a letter.
  if (!text.slice(0, tail).includes('<<')) {
    let pick = -1
    for (let i = start + 1; i < start + tail; i++) {
      const c = line[i]
      const nextToFiller = line[i - 1]?.char === '<' || line[i + 1]?.char === '<'
      if (FILLER_LOOKALIKES.has(c.char) && nextToFiller && fillerP(c) >= s.fillerAltMinP && (pick < 0 || fillerP(c) > fillerP(line[pick]))) pick = i
    }
    if (pick >= 0) line[pick] = swap(line[pick], '<')
  }
  // "ERIKAK<<<": the last letter before the filler, when the model nearly read '<' there.
  while (tail > 1 && FILLER_LOOKALIKES.has(line[start + tail - 1].char) && fillerP(line[start + tail - 1]) >= s.fillerEdgeAltMinP) tail--
  // "MATTHIAS<K<<<" on a line whose filler is also read with K for '<': a letter standing alone
  // before the filler is that same misread, not an initial, when the model showed that very
  // confusion in this line's filler.
  const confused = new Set(line.slice(start + tail, end).filter((c) => FILLER_LOOKALIKES.has(c.char)).map((c) => c.char))
  while (tail > 2 && confused.has(line[start + tail - 1].char) && line[start + tail - 2].char === '<') {
    line[start + tail - 1] = swap(line[start + tail - 1], '<')
    tail -= 2
  }
  for (let i = start + tail; i < end; i++) {
    const c = line[i]
    if (c.char === '<') continue
    if (FILLER_LOOKALIKES.has(c.char) && (fillerP(c) >= s.fillerAltMinP || c.p < 0.9)) line[i] = swap(c, '<')
  }
  return lines.map((l, i) => (i === li ? line : l))
}

/**
 * K (value 20) weighs 0 modulo 10 like '<', so check digits never catch a '<' read as K in the
 * optional data: a look-alike letter alone between fillers is taken for filler.
 */
function correctOptionalFiller(lines: ReadLine[], format: MrzFormat, s: CorrectionSettings): ReadLine[] {
  return lines.map((line, li) => {
    if (format !== 'TD1' && li === 0) return line
    return line.map((c, i) => {
      const type = TEMPLATES[format][li][i]
      const between = (line[i - 1]?.char ?? '<') === '<' && (line[i + 1]?.char ?? '<') === '<'
      const filler = c.alternatives.find((a) => a.char === '<')?.p ?? 0
      if (type === 'X' && between && FILLER_LOOKALIKES.has(c.char) && (filler >= s.fillerAltMinP || c.p < 0.9)) return swap(c, '<')
      return c
    })
  })
}

/** A country code not on the ICAO list is repaired to the one listed code its look-alikes reach. */
function correctCountries(lines: ReadLine[], format: MrzFormat): ReadLine[] {
  const out = lines.map((l) => [...l])
  for (const { at } of COUNTRY_FIELDS[format]) {
    const [li, start] = at
    const chars = out[li].slice(start, start + 3)
    if (isIcaoCode(textOf(chars))) continue
    const options = chars.map((c) => {
      const set = new Map<string, number>([[c.char, c.p]])
      for (const a of COUNTRY_ALTERNATIVES[c.char] ?? []) if (!set.has(a)) set.set(a, 0.05)
      for (const a of c.alternatives) if ((isLetter(a.char) || a.char === '<') && !set.has(a.char)) set.set(a.char, a.p)
      return [...set]
    })
    let best: { code: string; p: number } | null = null
    for (const [a, pa] of options[0]) for (const [b, pb] of options[1]) for (const [c, pc] of options[2]) {
      const code = a + b + c
      if (isIcaoCode(code) && (!best || pa * pb * pc > best.p)) best = { code, p: pa * pb * pc }
    }
    if (best) for (let k = 0; k < 3; k++) out[li][start + k] = swap(out[li][start + k], best.code[k])
  }
  return out
}

function candidatesAt(c: RecognisedChar, type: PositionType): [string, number][] {
  const allowed = (ch: string) =>
    type === 'N' ? isDigit(ch) : type === 'C' ? isDigit(ch) || ch === '<' : type === 'A' ? isLetter(ch) || ch === '<' : true
  const out = new Map<string, number>()
  for (const a of c.alternatives) if (allowed(a.char) && a.char !== c.char) out.set(a.char, a.p / Math.max(c.p, 1e-6))
  const lookalikes = [TO_DIGIT[c.char], TO_LETTER[c.char], FILLER_LOOKALIKES.has(c.char) ? '<' : undefined]
  for (const ch of lookalikes) if (ch && allowed(ch) && ch !== c.char && !out.has(ch)) out.set(ch, 0.02)
  return [...out]
}

/**
 * Makes failing check digits pass with the fewest, most probable changes: each covered character
 * (and the digit itself) may become a look-alike or a runner-up of the model. A repair is taken
 * only when it is the clear best (twice as probable as the next one), never by guessing.
 */
function correctByCheckDigits(lines: ReadLine[], format: MrzFormat, s: CorrectionSettings): ReadLine[] {
  let out = lines.map((l) => [...l])
  for (const spec of CHECKS[format]) {
    const texts = out.map(textOf)
    if (checkHolds(texts, spec)) continue
    // TD1 document numbers longer than 9 characters overflow into the optional field: not repairable here.
    if (format === 'TD1' && spec.field === 'documentNumber' && texts[0][14] === '<') continue
    // Characters already vouched for by another check that holds are left alone.
    const vouched = new Set<string>()
    for (const other of CHECKS[format]) {
      if (other === spec || !checkHolds(texts, other)) continue
      vouched.add(other.digit.join(':'))
      for (const [l, a, b] of other.ranges) for (let i = a; i < b; i++) vouched.add(`${l}:${i}`)
    }
    const positions: [number, number][] = []
    if (!vouched.has(spec.digit.join(':'))) positions.push([spec.digit[0], spec.digit[1]])
    for (const [l, a, b] of spec.ranges) for (let i = a; i < b; i++) if (!(l === spec.digit[0] && i === spec.digit[1]) && !vouched.has(`${l}:${i}`)) positions.push([l, i])
    const options = positions.map(([l, i]) => candidatesAt(out[l][i], TEMPLATES[format][l][i] as PositionType))
    const found: { changes: [number, string][]; score: number }[] = []
    const composite = CHECKS[format].find((c) => c.field === 'composite')
    const tryChanges = (changes: [number, string][], score: number) => {
      const trial = out.map((l) => l.map((c) => c.char))
      for (const [k, ch] of changes) trial[positions[k][0]][positions[k][1]] = ch
      const trialText = trial.map((t) => t.join(''))
      if (!checkHolds(trialText, spec)) return
      // The composite digit covers this field too: a repair it also confirms is ten times likelier.
      const confirmed = composite && composite !== spec && checkHolds(trialText, composite)
      found.push({ changes, score: confirmed ? score * 10 : score })
    }
    for (let k = 0; k < positions.length; k++) for (const [ch, r] of options[k]) tryChanges([[k, ch]], r)
    if (found.length === 0 && s.maxCheckRepairs >= 2) {
      for (let k = 0; k < positions.length; k++) for (const [ch, r] of options[k])
        for (let m = k + 1; m < positions.length; m++) for (const [ch2, r2] of options[m]) tryChanges([[k, ch], [m, ch2]], r * r2)
    }
    found.sort((a, b) => b.score - a.score)
    if (found.length === 0 || (found.length > 1 && found[0].score < 2 * found[1].score)) continue
    const next = out.map((l) => [...l])
    for (const [k, ch] of found[0].changes) next[positions[k][0]][positions[k][1]] = swap(next[positions[k][0]][positions[k][1]], ch)
    out = next
  }
  return out
}

/**
 * Whether the name field still shows the filler read as letters after correction: a run of
 * three or more of the same `<` look-alike (`CCCC`, `KKK`), which no transliterated name holds.
 * It happens when the characters are a few pixels wide (a thumbnail) and the model reads every
 * `<` as C or K, so no `<<<` marks where the names end. No check digit covers the names, so such
 * a name is not a reading at all.
 */
export function nameFieldUnreadable(lines: ReadLine[], format: MrzFormat): boolean {
  const [li, start, end] = NAME_FIELD[format]
  return /([KLCEI])\1\1/.test(textOf(lines[li].slice(start, end)))
}

/**
 * All corrections, in order: line lengths by format, characters by field type, name filler,
 * country codes against the ICAO list, then check digits. Returns null when the lines do not
 * have the shape of any MRZ format.
 */
export function correctMrz(read: ReadLine[], s: CorrectionSettings): { format: MrzFormat; lines: ReadLine[] } | null {
  const format = guessFormat(read, s)
  if (!format || read.length !== LINE_COUNT[format]) return null
  let lines = read.map((l) => fixLength(l, LINE_LENGTH[format]))
  lines = correctByType(lines, format)
  lines = correctNameFiller(lines, format, s)
  if (format !== 'TD1') lines = correctOptionalFiller(lines, format, s)
  lines = correctCountries(lines, format)
  lines = correctByCheckDigits(lines, format, s)
  return { format, lines }
}
