import { FALLBACK_LOCALE } from '../../shared/domain/reply'

/**
 * The variant to use for a wanted locale: the exact tag, else one of the same language
 * (zh-TW → zh-CN, en-GB → en), else the fallback (en), else the first there is.
 */
export function pickLocale(available: readonly string[], wanted: string): { locale: string; fallbackFrom: string | null } {
  const lower = wanted.toLowerCase()
  const exact = available.find((l) => l.toLowerCase() === lower)
  if (exact) return { locale: exact, fallbackFrom: null }
  const language = lower.split('-')[0]
  const sameLanguage = available.find((l) => l.toLowerCase().split('-')[0] === language)
  if (sameLanguage) return { locale: sameLanguage, fallbackFrom: wanted }
  const fallback = available.find((l) => l === FALLBACK_LOCALE) ?? available[0]
  if (fallback === undefined) throw new Error('A template without any variant')
  return { locale: fallback, fallbackFrom: wanted }
}

/** Remedy and field texts exist in en and zh-CN: any Chinese reply reads zh-CN, anything else en. */
export function textLocale(locale: string): 'en' | 'zh-CN' {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

/** A date for {{ deadline }}, written the way the reply's language writes dates. */
export function formatDeadline(date: Date, locale: string): string {
  const tag = textLocale(locale) === 'zh-CN' ? 'zh-CN' : 'en-GB'
  return new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date)
}
