export interface CalendarDate {
  y: number
  m: number
  d: number
}

/**
 * Reads the date formats that reach the desk: ISO (`1974-08-12`, also with a time), and the
 * day-first European forms vendors print (`12.08.1974`, `12/08/1974`). Returns null otherwise.
 */
export function parseCalendarDate(value: string | null | undefined): CalendarDate | null {
  if (!value) return null
  const v = value.trim()
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v)
  if (m) return valid(+m[1], +m[2], +m[3])
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(v)
  if (m) return valid(+m[3], +m[2], +m[1])
  return null
}

function valid(y: number, m: number, d: number): CalendarDate | null {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? { y, m, d } : null
}

export function isoOf(date: CalendarDate): string {
  return `${String(date.y).padStart(4, '0')}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`
}

export function sameDate(a: CalendarDate, b: CalendarDate): boolean {
  return a.y === b.y && a.m === b.m && a.d === b.d
}

/** Same year, day and month exchanged (and not the same date, as 05-05 would be). */
export function isDayMonthSwap(a: CalendarDate, b: CalendarDate): boolean {
  return a.y === b.y && a.d === b.m && a.m === b.d && a.d !== a.m
}
