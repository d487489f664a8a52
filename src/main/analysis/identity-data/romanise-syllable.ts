/**
 * The spellings a Mandarin syllable takes on identity documents: Hanyu Pinyin (mainland China,
 * and written LYU/LV/LU for lü), Wade-Giles without apostrophes or umlauts (Taiwan passports,
 * older documents: zhang → CHANG, xu → HSU, cai → TSAI) and Tongyong Pinyin (Taiwan 2002–2008:
 * zhang → JHANG, xie → SIE). All upper case, letters only, as in the MRZ.
 * Cantonese and Hokkien spellings (CHAN, LIM, WONG) cannot be derived from Mandarin; the common
 * surnames among them come from resources/data/chinese-surname-romanisations.json.
 */

const INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's', 'y', 'w']

function split(py: string): [string, string] {
  for (const i of INITIALS) if (py.startsWith(i) && py.length > i.length) return [i, py.slice(i.length)]
  return ['', py]
}

const WG_WHOLE: Readonly<Record<string, string>> = {
  zi: 'tzu', ci: 'tzu', si: 'ssu', zhi: 'chih', chi: 'chih', shi: 'shih', ri: 'jih', er: 'erh',
  yan: 'yen', ye: 'yeh', you: 'yu', yong: 'yung', yue: 'yueh', yi: 'i', e: 'o',
  guo: 'kuo', kuo: 'kuo', huo: 'huo', shuo: 'shuo', gui: 'kuei', kui: 'kuei',
  ge: 'ko', ke: 'ko', he: 'ho',
}
const WG_INITIAL: Readonly<Record<string, string>> = {
  b: 'p', d: 't', g: 'k', j: 'ch', q: 'ch', x: 'hs', zh: 'ch', r: 'j', z: 'ts', c: 'ts',
}

/** Wade-Giles as Taiwan passports write it (apostrophes and umlauts dropped). */
export function wadeGiles(pinyin: string): string {
  const py = pinyin.toLowerCase().replace(/ü|v/g, 'ü')
  if (WG_WHOLE[py]) return WG_WHOLE[py].toUpperCase()
  const [initial, final0] = split(py)
  let final = final0
  if (initial === 'j' || initial === 'q' || initial === 'x') final = final.replace(/^u/, 'ü')
  final = final
    .replace(/^iong$/, 'iung')
    .replace(/^ong$/, 'ung')
    .replace(/^ian$/, 'ien')
    .replace(/^ie$/, 'ieh')
    .replace(/^üe$/, 'üeh')
    .replace(/^ue$/, 'üeh')
    .replace(/^uo$/, 'o')
  return ((WG_INITIAL[initial] ?? initial) + final).replace(/ü/g, 'u').toUpperCase()
}

const TY_WHOLE: Readonly<Record<string, string>> = { zi: 'zih', ci: 'cih', si: 'sih', zhi: 'jhih', chi: 'chih', shi: 'shih', ri: 'rih' }
const TY_INITIAL: Readonly<Record<string, string>> = { zh: 'jh', q: 'c', x: 's' }

/** Tongyong Pinyin, the Taiwan standard of 2002–2008, still on many Taiwanese documents. */
export function tongyong(pinyin: string): string {
  const py = pinyin.toLowerCase().replace(/ü|v/g, 'ü')
  if (TY_WHOLE[py]) return TY_WHOLE[py].toUpperCase()
  const [initial, final0] = split(py)
  let final = final0
  if (initial === 'j' || initial === 'q' || initial === 'x') final = final.replace(/^u/, 'ü')
  final = final.replace(/^iu$/, 'iou').replace(/^ui$/, 'uei').replace(/^eng$/, initial === 'b' || initial === 'p' || initial === 'm' || initial === 'f' || initial === 'w' ? 'ong' : 'eng')
  return ((TY_INITIAL[initial] ?? initial) + final).replace(/ü/g, 'yu').toUpperCase()
}

/** Pinyin as mainland documents write it: ü as YU (since 2012), V or U (older). */
export function hanyuPinyin(pinyin: string): string[] {
  const py = pinyin.toLowerCase()
  if (!/ü|v/.test(py)) return [py.toUpperCase()]
  return ['yu', 'v', 'u', 'ue'].map((r) => py.replace(/ü|v/g, r).toUpperCase())
}

/** Every spelling of one Mandarin syllable considered equal on a document. */
export function syllableSpellings(pinyin: string): string[] {
  return [...new Set([...hanyuPinyin(pinyin), wadeGiles(pinyin), tongyong(pinyin)])]
}
