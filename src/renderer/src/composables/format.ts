/** "3 h", "2 d 4 h": how long a case has waited. */
export function formatAge(iso: string, now: Date, locale: string): string {
  const hours = Math.max(0, (now.getTime() - new Date(iso).getTime()) / 3_600_000)
  const zh = locale.startsWith('zh')
  if (hours < 1) return zh ? `${Math.round(hours * 60)} 分钟` : `${Math.round(hours * 60)} min`
  if (hours < 48) return zh ? `${Math.floor(hours)} 小时` : `${Math.floor(hours)} h`
  const days = Math.floor(hours / 24)
  return zh ? `${days} 天` : `${days} d`
}

/** Service-level colouring of a case's age. */
export function ageLevel(iso: string, now: Date, slaHours = 48): 'ok' | 'warning' | 'blocker' {
  const hours = (now.getTime() - new Date(iso).getTime()) / 3_600_000
  if (hours >= slaHours) return 'blocker'
  if (hours >= slaHours / 2) return 'warning'
  return 'ok'
}

// Building an Intl formatter costs far more than using one, and the queue formats a date per row
// on every scroll frame: one formatter per locale and style, kept.
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${options.dateStyle}|${options.timeStyle}`
  let f = dateFormats.get(key)
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, options)))
  return f
}
function numberFormat(locale: string, maximumFractionDigits?: number): Intl.NumberFormat {
  const key = `${locale}|${maximumFractionDigits}`
  let f = numberFormats.get(key)
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, maximumFractionDigits === undefined ? {} : { maximumFractionDigits })))
  return f
}

export function formatDateTime(iso: string, locale: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d)
}

export function formatDate(iso: string, locale: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return dateFormat(locale, { dateStyle: 'medium' }).format(d)
}

export function formatTime(iso: string, locale: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return dateFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }).format(d)
}

export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB']
  let v = bytes
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return `${numberFormat(locale, u === 0 ? 0 : 1).format(v)} ${units[u]}`
}

/** A number in the locale, with at most `maximumFractionDigits` decimals. */
export function formatDecimal(n: number, locale: string, maximumFractionDigits: number): string {
  return numberFormat(locale, maximumFractionDigits).format(n)
}

export function formatCount(n: number, locale: string): string {
  return numberFormat(locale).format(n)
}

/** "RETAKE_WITHOUT_GLARE" → "Retake without glare": readable until the catalogue gives texts. */
export function humaniseId(id: string): string {
  const s = id.toLowerCase().replace(/_/g, ' ')
  return s.charAt(0).toUpperCase() + s.slice(1)
}
