import type { DocumentData } from '../../../shared/domain/document-data'
import type { LocalizedText } from '../../../shared/domain/finding'
import { baseConfidence, FIELD_WORDS, sourceWords, type Mismatch } from './mismatch-finding'
import { dateInWordsEn, dateInWordsZh, daysBetween, parseDocumentDate, type DateKind } from './parse-date'

export type DateDifference = 'day-month-swapped' | 'year-differs' | 'century-differs' | 'month-differs' | 'day-differs' | 'off-by-one-day' | 'different'

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number)
  return [y, m, d]
}

/** What kind of slip turns the typed date into the document's. */
export function classifyDates(typed: string, document: string): DateDifference {
  const [ty, tm, td] = parts(typed)
  const [dy, dm, dd] = parts(document)
  if (ty === dy && tm === dd && td === dm) return 'day-month-swapped'
  if (Math.abs(daysBetween(typed, document)) === 1) return 'off-by-one-day'
  if (tm === dm && td === dd) return Math.abs(ty - dy) % 100 === 0 ? 'century-differs' : 'year-differs'
  if (ty === dy && td === dd) return 'month-differs'
  if (ty === dy && tm === dm) return 'day-differs'
  return 'different'
}

const KIND_WORDS: Record<DateDifference, LocalizedText> = {
  'day-month-swapped': { en: 'the day and the month are swapped', 'zh-CN': '日和月填颠倒了' },
  'year-differs': { en: 'only the year differs', 'zh-CN': '只有年份不同' },
  'century-differs': { en: 'the year is in the wrong century (a two-digit year read the other way)', 'zh-CN': '年份的世纪不对（两位数年份被理解错了）' },
  'month-differs': { en: 'only the month differs', 'zh-CN': '只有月份不同' },
  'day-differs': { en: 'only the day differs', 'zh-CN': '只有日期（日）不同' },
  'off-by-one-day': { en: 'they are one day apart, as when a date picker shifts a date across time zones', 'zh-CN': '相差一天，常见于日期选择器因时区换算把日期挪了一天' },
  different: { en: 'the dates are entirely different', 'zh-CN': '两个日期完全不同' },
}

/**
 * A typed date (ISO, validated by the bundle schema) against the document's, which may come in
 * any format. A document date that can mean the typed one (03/04/1990 read either way) agrees.
 */
export function compareDates(
  field: 'dateOfBirth' | 'documentExpiry',
  typed: string | undefined,
  documentValue: string | undefined,
  data: DocumentData,
  now: Date,
): Mismatch[] {
  if (!typed || !documentValue || data.source === 'none') return []
  const kind: DateKind = field === 'dateOfBirth' ? 'birth' : 'expiry'
  const candidates = parseDocumentDate(documentValue, kind, now)
  const words = FIELD_WORDS[field]
  const src = sourceWords(data)
  const code = field === 'dateOfBirth' ? 'DATE_OF_BIRTH' : 'DOCUMENT_EXPIRY'
  if (candidates.length === 0) {
    return [
      {
        code,
        field,
        typed,
        document: documentValue,
        kind: 'document-date-unreadable',
        severity: 'info',
        confidence: 0.5,
        explanation: {
          en: `The ${words.en} on ${src.en} is “${documentValue}”, which is not a date we can read, so it was not compared with the typed ${dateInWordsEn(typed)}.`,
          'zh-CN': `${src['zh-CN']}上的${words['zh-CN']}为“${documentValue}”，无法识别为日期，因此未与客户填写的 ${dateInWordsZh(typed)} 比较。`,
        },
        remedies: [],
      },
    ]
  }
  if (candidates.includes(typed)) return []
  // Of several readings of an ambiguous document date, the one closest to a simple slip.
  const document = candidates.find((c) => classifyDates(typed, c) !== 'different') ?? candidates[0]
  const difference = classifyDates(typed, document)
  const ty = parts(typed)[0]
  const dy = parts(document)[0]
  const how = KIND_WORDS[difference]
  const base = baseConfidence(data, field)
  return [
    {
      code,
      field,
      typed,
      document,
      kind: difference,
      severity: 'blocker',
      confidence: base * (difference === 'different' ? 0.9 : 1),
      details: {
        documentRaw: documentValue,
        ...(candidates.length > 1 ? { documentReadings: candidates } : {}),
        daysApart: daysBetween(typed, document),
        ...(difference === 'year-differs' || difference === 'century-differs' ? { yearsApart: dy - ty } : {}),
      },
      explanation: {
        en: `The ${words.en} is typed as ${dateInWordsEn(typed)} (${typed}) but ${src.en} says ${dateInWordsEn(document)} (${document}): ${how.en}.`,
        'zh-CN': `客户填写的${words['zh-CN']}为 ${dateInWordsZh(typed)}（${typed}），而${src['zh-CN']}上为 ${dateInWordsZh(document)}（${document}）：${how['zh-CN']}。`,
      },
      remedies: difference === 'day-month-swapped' || difference === 'century-differs' || difference === 'off-by-one-day' ? ['CHECK_DATE_FORMAT', 'CORRECT_PERSONAL_DATA'] : ['CORRECT_PERSONAL_DATA', 'CHECK_DATE_FORMAT'],
    },
  ]
}
