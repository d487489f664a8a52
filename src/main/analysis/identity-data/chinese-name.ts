import { readFileSync } from 'node:fs'
import { pinyin } from 'pinyin-pro'
import { resourcePath } from '../../resources'
import { editDistance } from './edit-distance'
import { isHanName } from './fold-text'
import { syllableSpellings } from './romanise-syllable'

/**
 * Does a name written in Han characters (form.nativeName, 林美華) read as the Latin name on the
 * document (LIN MEI-HUA)? Each character may be spelt in pinyin, Wade-Giles or Tongyong, with
 * any of its readings (曾 is ZENG or CENG); a family name may also take its Cantonese or Hokkien
 * spelling from the surname table (陳 → CHAN, TAN). Matching is on letters only, so
 * MEI-HUA, MEI HUA and MEIHUA all match 美華.
 */

interface SurnameTable {
  surnames: Record<string, string[]>
}

let surnameTable: Record<string, string[]> | undefined
function surnameSpellings(): Record<string, string[]> {
  surnameTable ??= (JSON.parse(readFileSync(resourcePath('data', 'chinese-surname-romanisations.json'), 'utf8')) as SurnameTable).surnames
  return surnameTable
}

/** Two-character family names (the rest of Chinese family names are one character). */
const COMPOUND_SURNAMES = new Set([
  '歐陽', '欧阳', '司徒', '司馬', '司马', '上官', '諸葛', '诸葛', '東方', '东方', '皇甫', '夏侯',
  '尉遲', '尉迟', '公孫', '公孙', '慕容', '長孫', '长孙', '令狐', '軒轅', '轩辕', '端木', '西門', '西门', '澹台',
])

export interface HanNameParts {
  surname: string
  given: string
}

export function splitHanName(nativeName: string): HanNameParts {
  const chars = [...nativeName.replace(/[\s·・]/g, '')]
  const two = chars.slice(0, 2).join('')
  const n = chars.length > 2 && COMPOUND_SURNAMES.has(two) ? 2 : 1
  return { surname: chars.slice(0, n).join(''), given: chars.slice(n).join('') }
}

/** Every spelling of each character, one list per character. */
function characterSpellings(text: string): string[][] {
  return [...text].map((c) => [...new Set(readings(c).flatMap(syllableSpellings))])
}

function readings(char: string): string[] {
  const r = pinyin(char, { toneType: 'none', type: 'array', multiple: true }) as string[]
  return r.length > 0 && r[0] !== char ? r : []
}

/** True when `latin` (letters only, upper case) is spelt character by character from the lists. */
function spells(units: string[][], latin: string): boolean {
  let positions = new Set<number>([0])
  for (const unit of units) {
    const next = new Set<number>()
    for (const p of positions) for (const s of unit) if (latin.startsWith(s, p)) next.add(p + s.length)
    positions = next
    if (positions.size === 0) return false
  }
  return positions.has(latin.length)
}

/** A family name: any reading of its characters, or its spelling in the surname table. */
function spellsSurname(surname: string, latin: string): boolean {
  return (surnameSpellings()[surname] ?? []).includes(latin) || spells(characterSpellings(surname), latin)
}

export interface HanNameMatch {
  /** The name's pinyin, for the agent: 'lin mei hua'. */
  pinyin: string
  surname: string
  given: string
  surnameMatches: boolean
  givenMatches: boolean
}

/**
 * Compares a Han-character name with a document's Latin family and given names (letters only,
 * upper case). Returns null when the native name is not in Han characters.
 */
export function matchHanName(nativeName: string, lastName: string, firstName: string): HanNameMatch | null {
  if (!isHanName(nativeName)) return null
  const { surname, given } = splitHanName(nativeName)
  const py = [...(surname + given)].map((c) => readings(c)[0] ?? c).join(' ')
  return {
    pinyin: py,
    surname,
    given,
    surnameMatches: lastName !== '' && spellsSurname(surname, lastName),
    givenMatches: given === '' ? firstName === '' : firstName !== '' && spells(characterSpellings(given), firstName),
  }
}

/** True when a Latin name (letters only) is one of the document spellings of the Han name, in that order. */
export function hanSpells(han: string, latin: string, asSurname: boolean): boolean {
  return asSurname ? spellsSurname(han, latin) : spells(characterSpellings(han), latin)
}

/** Spellings enumerated at most for the nearest-spelling search (a 4-character given name has a few hundred). */
const MAX_SPELLINGS = 2000

/**
 * The standard spelling of a Han name part closest to a Latin name (letters only, upper case),
 * and how many edits away it is; null when the part has no reading. Used to tell a slip in the
 * Latin name (one or two letters off every spelling) from a different name.
 */
export function nearestHanSpelling(han: string, latin: string, asSurname: boolean): { spelling: string; distance: number } | null {
  const units = characterSpellings(han)
  if (units.some((u) => u.length === 0)) return null
  let spellings = ['']
  for (const unit of units) {
    spellings = spellings.flatMap((p) => unit.map((s) => p + s))
    if (spellings.length > MAX_SPELLINGS) spellings = spellings.slice(0, MAX_SPELLINGS)
  }
  if (asSurname) spellings.push(...(surnameSpellings()[han] ?? []))
  let best: { spelling: string; distance: number } | null = null
  for (const spelling of spellings) {
    const distance = editDistance(latin, spelling)
    if (!best || distance < best.distance) best = { spelling, distance }
  }
  return best
}
