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

export function formatDateTime(iso: string, locale: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d)
}

export function formatDate(iso: string, locale: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(d)
}

export function formatTime(iso: string, locale: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }).format(d)
}

export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB']
  let v = bytes
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: u === 0 ? 0 : 1 }).format(v)} ${units[u]}`
}

export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n)
}

/** "RETAKE_WITHOUT_GLARE" → "Retake without glare": readable until the catalogue gives texts. */
export function humaniseId(id: string): string {
  const s = id.toLowerCase().replace(/_/g, ' ')
  return s.charAt(0).toUpperCase() + s.slice(1)
}
