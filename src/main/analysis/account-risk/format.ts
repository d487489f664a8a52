/** Small formatters for the agent-facing texts: UTC times, grouped numbers, country names in en and zh-CN. */

export function utc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC'
}

// One formatter per precision: toLocaleString builds a new Intl.NumberFormat on every call.
const numberFormats = new Map<number, Intl.NumberFormat>()

export function num(n: number, digits = 0): string {
  let f = numberFormats.get(digits)
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    numberFormats.set(digits, f)
  }
  return f.format(n)
}

const names = {
  en: new Intl.DisplayNames(['en'], { type: 'region' }),
  'zh-CN': new Intl.DisplayNames(['zh-CN'], { type: 'region' }),
}

export function countryName(code: string, lang: 'en' | 'zh-CN'): string {
  let name: string | undefined
  try {
    name = names[lang].of(code)
  } catch {
    name = undefined
  }
  if (!name || name === code) return code
  return lang === 'en' ? `${name} (${code})` : `${name}（${code}）`
}
