import { readFileSync } from 'node:fs'
import type { CaseForm } from '../../../shared/domain/case-bundle'
import type { Finding, LocalizedText } from '../../../shared/domain/finding'
import { resourcePath } from '../../resources'
import { isAlpha2, lookupCountry } from './country-codes'

/**
 * The typed address, judged without a document to compare with: a country code that exists,
 * a postal code in its country's format (resources/data/postal-code-formats.json), and lines
 * that hold an address rather than a placeholder or keyboard mashing. Warnings only: an
 * address in an unexpected format is a reason a reviewer may reject, not proof of one.
 */

type Address = NonNullable<CaseForm['address']>

interface PostalFormat {
  pattern?: string
  example?: string
  name: string
  none?: boolean
}

let formats: Record<string, PostalFormat> | undefined
export function postalFormats(): Record<string, PostalFormat> {
  formats ??= (JSON.parse(readFileSync(resourcePath('data', 'postal-code-formats.json'), 'utf8')) as { formats: Record<string, PostalFormat> }).formats
  return formats
}

const PLACEHOLDERS = new Set([
  'NA', 'N A', 'NONE', 'NULL', 'NIL', 'UNDEFINED', 'UNKNOWN', 'TEST', 'TESTING', 'ASDF', 'QWERTY', 'XXX', 'ABC',
  'NO', 'NOTHING', 'SAME', 'SAME AS ABOVE', 'ADDRESS', 'MY ADDRESS', 'HOME', 'STREET', 'CITY', 'NO ADDRESS',
  '无', '没有', '不知道', '无地址', '地址', '测试',
])
const KEYBOARD_ROWS = ['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM', '1234567890', 'QWERTZUIOP', 'AZERTYUIOP']

/** Why a line is not an address, or null when it could be one. */
export function junkReason(value: string): string | null {
  const v = value.trim()
  if (v === '') return 'empty'
  if (!/[\p{L}\p{N}]/u.test(v)) return 'no-letters-or-digits'
  const words = v.toUpperCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  if (PLACEHOLDERS.has(words)) return 'placeholder'
  const compact = words.replace(/ /g, '')
  if (compact.length >= 3 && /^(.)\1+$/u.test(compact)) return 'repeated-character'
  if (compact.length >= 4 && /^[A-Z0-9]+$/.test(compact) && KEYBOARD_ROWS.some((r) => r.includes(compact) || [...r].reverse().join('').includes(compact))) return 'keyboard-run'
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) || /^(https?:\/\/|www\.)/i.test(v)) return 'not-an-address'
  return null
}

const REASON_WORDS: Record<string, LocalizedText> = {
  empty: { en: 'is empty', 'zh-CN': '为空' },
  'no-letters-or-digits': { en: 'has no letters or digits', 'zh-CN': '没有任何字母或数字' },
  placeholder: { en: 'is a placeholder, not an address', 'zh-CN': '是占位内容，不是地址' },
  'repeated-character': { en: 'is one character repeated', 'zh-CN': '只是同一个字符的重复' },
  'keyboard-run': { en: 'is a run of keys along the keyboard', 'zh-CN': '是键盘上连续按键的组合' },
  'not-an-address': { en: 'is an e-mail or web address, not a postal address', 'zh-CN': '是电子邮箱或网址，不是邮寄地址' },
  'too-short': { en: 'is too short to be a street address', 'zh-CN': '太短，不像是街道地址' },
  'digits-only': { en: 'has only digits, not a place name', 'zh-CN': '只有数字，不是地名' },
}

const FIELD_WORDS: Record<string, LocalizedText> = {
  line1: { en: 'address line 1', 'zh-CN': '地址第一行' },
  line2: { en: 'address line 2', 'zh-CN': '地址第二行' },
  city: { en: 'city', 'zh-CN': '城市' },
  region: { en: 'region', 'zh-CN': '省/州' },
  postalCode: { en: 'postal code', 'zh-CN': '邮政编码' },
  country: { en: 'country', 'zh-CN': '国家' },
}

function finding(field: string, value: string | null, kind: string, evidence: Record<string, unknown>, explanation: LocalizedText, severity: 'warning' | 'info' = 'warning', confidence = 0.7): Finding {
  return {
    cause: 'IDENTITY_DATA_MISMATCH',
    code: 'ADDRESS_FORMAT',
    severity,
    confidence,
    evidence: { field: `address.${field}`, typed: value, kind, ...evidence },
    explanation,
    remedies: ['CORRECT_PERSONAL_DATA'],
  }
}

function lineFinding(field: string, value: string, reason: string): Finding {
  const f = FIELD_WORDS[field]
  const r = REASON_WORDS[reason]
  return finding(field, value, reason, {}, {
    en: `The ${f.en} “${value}” ${r.en}. Ask for the address as it appears on a letter or utility bill.`,
    'zh-CN': `${f['zh-CN']}“${value}”${r['zh-CN']}。请客户按信件或水电费账单上的地址填写。`,
  })
}

export function addressFindings(address: Address): Finding[] {
  const out: Finding[] = []
  const country = address.country.trim().toUpperCase()
  const known = isAlpha2(country) ? lookupCountry(country) : null
  if (!known) {
    out.push(
      finding('country', address.country, 'unknown-country-code', {}, {
        en: `The address country “${address.country}” is not an ISO 3166 country code.`,
        'zh-CN': `地址中的国家“${address.country}”不是 ISO 3166 国家代码。`,
      }, 'warning', 0.9),
    )
  } else if (known.alpha2 && known.alpha2 !== country) {
    out.push(
      finding('country', address.country, 'reserved-country-code', { isoCode: known.alpha2 }, {
        en: `The address country is typed as “${country}”, a reserved code; the ISO 3166 code for ${known.name} is “${known.alpha2}”.`,
        'zh-CN': `地址中的国家填写为“${country}”，这是保留代码；${known.name} 的 ISO 3166 代码是“${known.alpha2}”。`,
      }, 'warning', 0.6),
    )
  }

  for (const field of ['line1', 'line2', 'city', 'region'] as const) {
    const value = address[field]
    if (value === undefined || (field !== 'line1' && field !== 'city' && value.trim() === '')) continue
    // A city of digits only is most likely a postal code in the wrong field: say that, not "junk".
    let reason = field === 'city' && /^[\d\s-]+$/.test(value) && /\d/.test(value) ? 'digits-only' : junkReason(value)
    if (!reason && field === 'line1' && !/\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}/u.test(value) && value.trim().length < 3) reason = 'too-short'
    if (reason) out.push(lineFinding(field, value, reason))
  }

  const format = postalFormats()[known?.alpha2 ?? country]
  const postal = address.postalCode?.trim()
  if (format?.pattern && !format.none) {
    const f = FIELD_WORDS.postalCode
    if (!postal) {
      out.push(
        finding('postalCode', null, 'postal-code-missing', { country, example: format.example }, {
          en: `No ${f.en} was typed, though addresses in ${known?.name ?? country} have one (${format.name}, e.g. ${format.example}).`,
          'zh-CN': `客户没有填写${f['zh-CN']}，而 ${known?.name ?? country} 的地址都有邮政编码（${format.name}，例如 ${format.example}）。`,
        }, 'info', 0.5),
      )
    } else if (!new RegExp(format.pattern, 'iu').test(postal)) {
      out.push(
        finding('postalCode', address.postalCode ?? null, 'postal-code-format', { country, pattern: format.pattern, example: format.example }, {
          en: `The ${f.en} “${postal}” is not in the format of ${known?.name ?? country} (${format.name}, e.g. ${format.example}).`,
          'zh-CN': `${f['zh-CN']}“${postal}”不符合 ${known?.name ?? country} 的格式（${format.name}，例如 ${format.example}）。`,
        }, 'warning', 0.8),
      )
    }
  }
  return out
}
