/**
 * Folding of personal names for comparison, the way a careful agent reads them: case, spaces,
 * hyphens, apostrophes, MRZ fillers and diacritics do not make two names different. ICAO 9303
 * Part 3 (section 6, transliteration of Latin letters with diacritics) writes some letters as
 * two in the MRZ (Ä → AE, ß → SS); a plain diacritic fold writes them as one (Ä → A). A typed
 * name matches when either spelling agrees, so both are produced.
 */

/** ICAO 9303 Part 3, Table A: letters the MRZ writes as two (or more) Latin letters. */
const ICAO_MULTI_LETTER: Readonly<Record<string, string>> = {
  Ä: 'AE', Æ: 'AE', Ǽ: 'AE', Å: 'AA', Ö: 'OE', Ø: 'OE', Œ: 'OE', Ü: 'UE', ß: 'SS', ẞ: 'SS',
  Þ: 'TH', Ĳ: 'IJ', Ð: 'D', Đ: 'D', Ħ: 'H', Ł: 'L', Ŀ: 'L', Ŋ: 'N', Ŧ: 'T', ı: 'I',
}
/** Letters NFKD does not decompose into a base letter and a mark. */
const PLAIN_FOLD: Readonly<Record<string, string>> = {
  Æ: 'AE', Ǽ: 'AE', Ø: 'O', Œ: 'OE', ß: 'SS', ẞ: 'SS', Þ: 'TH', Ĳ: 'IJ', Ð: 'D', Đ: 'D', Ħ: 'H',
  Ł: 'L', Ŀ: 'L', Ŋ: 'N', Ŧ: 'T', ı: 'I',
}

function mapLetters(value: string, table: Readonly<Record<string, string>>): string {
  let out = ''
  for (const ch of value) out += table[ch] ?? table[ch.toUpperCase()] ?? ch
  return out
}

/** Upper case, marks removed, every run of non-letters (space, -, ', <, ., digits) one space. */
function finish(value: string): string {
  return value
    .replace(/['’‘`ʼ]/g, '') // ICAO 9303: apostrophes are omitted (O'BRIEN → OBRIEN)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}]+/gu, ' ')
    .trim()
}

/** The name's words with diacritics dropped (Ä → A). */
export function foldName(value: string): string {
  return finish(mapLetters(value.toUpperCase(), PLAIN_FOLD))
}

/** The name's words as ICAO 9303 writes them in the MRZ (Ä → AE, Ø → OE, ß → SS). */
export function icaoName(value: string): string {
  return finish(mapLetters(value.toUpperCase(), ICAO_MULTI_LETTER))
}

/** The distinct spellings of a name to compare, as words separated by one space. */
export function nameSpellings(value: string): string[] {
  return [...new Set([foldName(value), icaoName(value)])]
}

/** Words only, no separators: MEI-HUA, MEI HUA and MEIHUA are the same name. */
export function lettersOnly(value: string): string {
  return value.replace(/ /g, '')
}

/** The name as the MRZ name field would hold it: words joined by '<'. */
export function mrzNameWords(value: string): string {
  return icaoName(value).replace(/ /g, '<')
}

const HAN = /\p{Script=Han}/u
/** True when the text is Han characters (optionally with spaces or a middle dot between them). */
export function isHanName(value: string): boolean {
  const chars = [...value.replace(/[\s·・]/g, '')]
  return chars.length > 0 && chars.every((c) => HAN.test(c))
}
