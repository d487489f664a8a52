/**
 * Removes customer data from a log line before it is written anywhere (issue 9: logs never
 * contain PII). Two layers: patterns that catch a kind of data whoever it belongs to (e-mails,
 * MRZ lines, calendar dates, document-number-like codes, text in CJK scripts, the user name in
 * home-folder paths), and the desk's own customers' names and document numbers, which no
 * pattern can recognise ("ERIKSSON" is just a word).
 */

/** The desk's known customer values, as the logger's dictionary. */
export interface KnownPii {
  /** Name parts (upper case), e.g. ANNA, MARIA, ERIKSSON. */
  nameTokens: ReadonlySet<string>
  /** Document numbers, normalised (upper case, no spaces, hyphens or MRZ fillers). */
  documentNumbers: ReadonlySet<string>
}

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu
/** An MRZ line or a long part of one: capitals, digits and fillers, at least one filler. */
const MRZ = /[A-Z0-9<]*<[A-Z0-9<]*/g
const MRZ_MIN = 15
const HOME_PATH = /(\/home\/|\/Users\/|[A-Za-z]:\\Users\\|[A-Za-z]:\\Documents and Settings\\)([^/\\\s]+)/g
/** Calendar dates, not timestamps: an ISO date followed by a time is when something happened. */
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b(?!T\d)/g
const NUMERIC_DATE = /\b\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b/g
const COMPACT_DATE = /\b(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\b/g
const MONTHS = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?'
const WORDED_DATE = new RegExp(`\\b\\d{1,2}\\s+(?:${MONTHS})\\.?\\s+\\d{2,4}\\b|\\b(?:${MONTHS})\\.?\\s+\\d{1,2},?\\s+\\d{4}\\b`, 'gi')
const CJK_DATE = /\d{2,4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?/g
/** Letters and digits mixed, 6–12 long, in capitals: how document numbers look (L898902C3, E12345678). */
const CODE_LIKE = /\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,12}\b/g
/** Names, addresses and free text in Chinese, Japanese or Korean script: the logs themselves are English. */
const CJK_TEXT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu
const WORD = /[\p{L}\p{N}]+/gu

function normaliseNumber(value: string): string {
  return value.toUpperCase().replace(/[\s\-./<]+/g, '')
}

const ALNUM = /[A-Za-z0-9]+/g
const NUMBER_SEPARATOR = /^[\s\-./<]{1,2}$/
const LONGEST_NUMBER = 24

/**
 * Known document numbers as typed, spaced or hyphenated: runs of letter/digit groups joined by
 * at most two separator characters are compared, normalised, with the dictionary.
 */
function redactKnownNumbers(text: string, numbers: ReadonlySet<string>): string {
  if (numbers.size === 0) return text
  const groups = [...text.matchAll(ALNUM)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0].toUpperCase() }))
  const spans: [number, number][] = []
  for (let i = 0; i < groups.length; i++) {
    let joined = ''
    for (let j = i; j < groups.length; j++) {
      if (j > i && !NUMBER_SEPARATOR.test(text.slice(groups[j - 1].end, groups[j].start))) break
      joined += groups[j].text
      if (joined.length > LONGEST_NUMBER) break
      if (numbers.has(joined)) spans.push([groups[i].start, groups[j].end])
    }
  }
  if (spans.length === 0) return text
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  let out = ''
  let at = 0
  for (const [start, end] of spans) {
    if (start < at) continue
    out += `${text.slice(at, start)}[id]`
    at = end
  }
  return out + text.slice(at)
}

function redactKnown(text: string, known: KnownPii): string {
  const withoutNumbers = redactKnownNumbers(text, known.documentNumbers)
  if (known.nameTokens.size === 0) return withoutNumbers
  return withoutNumbers.replace(WORD, (word) => {
    if (!known.nameTokens.has(word.toUpperCase())) return word
    // Short name parts (LI, WU, LIN) are also English words ("lin", "wu"…): only as a capitalised word.
    if ([...word].length >= 4 || word[0] === word[0].toUpperCase()) return '[name]'
    return word
  })
}

export function redactPii(text: string, known?: KnownPii): string {
  let out = text
    .replace(EMAIL, '[email]')
    .replace(HOME_PATH, (_m, prefix: string) => `${prefix}[user]`)
    .replace(MRZ, (m) => (m.length >= MRZ_MIN ? '[mrz]' : m))
    .replace(CJK_DATE, '[date]')
    .replace(WORDED_DATE, '[date]')
    .replace(ISO_DATE, '[date]')
    .replace(NUMERIC_DATE, '[date]')
    .replace(COMPACT_DATE, '[date]')
    .replace(CJK_TEXT, '[text]')
  if (known) out = redactKnown(out, known)
  return out.replace(CODE_LIKE, '[id]')
}

/** Name parts of a full name as the dictionary keeps them: upper case, at least two letters. */
export function nameTokens(name: string): string[] {
  return [...name.toUpperCase().matchAll(WORD)].map((m) => m[0]).filter((t) => [...t].length >= 2 && !/^\d+$/.test(t))
}

export function knownPii(names: Iterable<string>, documentNumbers: Iterable<string>): KnownPii {
  const tokens = new Set<string>()
  for (const n of names) for (const t of nameTokens(n)) tokens.add(t)
  const numbers = new Set<string>()
  for (const d of documentNumbers) {
    const n = normaliseNumber(d)
    if (n.length >= 4) numbers.add(n)
  }
  return { nameTokens: tokens, documentNumbers: numbers }
}
