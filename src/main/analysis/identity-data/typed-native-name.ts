import { hanSpells, nearestHanSpelling, splitHanName } from './chinese-name'
import { NAME_REMEDIES } from './compare-names'
import { foldName, isHanName, lettersOnly } from './fold-text'
import type { IdentityDataSettings } from './identity-settings'
import type { Mismatch } from './mismatch-finding'

export interface TypedNames {
  lastName: string
  firstName: string
  nativeName?: string
  nationality?: string
}

/**
 * Nationalities whose documents spell Han names in Mandarin (pinyin on CHN passports; Wade-Giles,
 * Tongyong or pinyin on TWN ones). Elsewhere (HKG, MAC, SGP, MYS…) Cantonese or Hokkien given
 * names sit one or two letters from the Mandarin spelling ("TAI MAN" for 大文) without any slip.
 */
const MANDARIN_SPELLING = new Set(['CHN', 'CN', 'TWN', 'TW'])

const PART_WORDS = {
  lastName: { en: 'family name', 'zh-CN': '姓' },
  firstName: { en: 'given names', 'zh-CN': '名' },
} as const

/**
 * When the document's names cannot be read (no MRZ, no vendor reading, or an MRZ name field
 * too garbled to use), the form can still contradict itself: for a Chinese or Taiwanese
 * customer, a Latin family or given name that is one or two slips (within the name-typo limits)
 * from how the Han-character name typed beside it is spelt — in pinyin, Wade-Giles or Tongyong,
 * or a listed Cantonese / Hokkien family name — is a typing mistake. A Latin name further from
 * every spelling may be an English name, and is left alone: only the document can settle it.
 */
export function typedNameSlips(typed: TypedNames, s: IdentityDataSettings): Mismatch[] {
  const nativeName = typed.nativeName?.trim() ?? ''
  if (!nativeName || !isHanName(nativeName) || !MANDARIN_SPELLING.has((typed.nationality ?? '').toUpperCase())) return []
  const parts = splitHanName(nativeName)
  const out: Mismatch[] = []
  for (const field of ['lastName', 'firstName'] as const) {
    const han = field === 'lastName' ? parts.surname : parts.given
    const latin = lettersOnly(foldName(typed[field]))
    if (!han || !latin || hanSpells(han, latin, field === 'lastName')) continue
    const nearest = nearestHanSpelling(han, latin, field === 'lastName')
    if (!nearest || nearest.distance === 0) continue
    if (nearest.distance > s.nameTypoMaxEdits || nearest.distance > s.nameTypoMaxEditFraction * nearest.spelling.length) continue
    const words = PART_WORDS[field]
    out.push({
      code: 'NAME',
      field,
      typed: typed[field],
      document: null,
      kind: 'typed-native-name-typo',
      severity: 'warning',
      confidence: 0.7,
      details: { nativeName, nativePart: han, nearestSpelling: nearest.spelling, edits: nearest.distance, maxEdits: s.nameTypoMaxEdits },
      explanation: {
        en: `The ${words.en} typed in Latin letters, “${typed[field]}”, is ${nearest.distance === 1 ? 'one letter' : `${nearest.distance} letters`} away from “${nearest.spelling}”, how ${han} in the native-script name ${nativeName} is spelt: probably a typing slip. The document itself could not be read to compare; check the name on the document photo.`,
        'zh-CN': `客户用拉丁字母填写的${words['zh-CN']}“${typed[field]}”与本国文字姓名“${nativeName}”中“${han}”的拼写“${nearest.spelling}”相差 ${nearest.distance} 个字母，很可能是输入错误。证件本身无法识别，无法直接比对；请对照证件照片核对姓名。`,
      },
      remedies: NAME_REMEDIES,
    })
  }
  return out
}
