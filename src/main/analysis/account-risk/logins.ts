import type { CaseBundle } from '../../../shared/domain/case-bundle'

export interface LoginEvent {
  /** Epoch ms. */
  at: number
  iso: string
  ip: string
  /** Upper-cased as given (normally ISO alpha-2). */
  country: string
  deviceId: string
  success: boolean
}

export const HOUR_MS = 3_600_000

/** The account's logins in time order (input order kept for equal times); unparseable times dropped. */
export function loginTimeline(account: NonNullable<CaseBundle['account']>): LoginEvent[] {
  return (account.logins ?? [])
    .map((l, i) => ({ l, i, at: Date.parse(l.at) }))
    .filter((x) => Number.isFinite(x.at))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map(({ l, at }) => ({ at, iso: l.at, ip: l.ip, country: l.country.trim().toUpperCase(), deviceId: l.deviceId, success: l.success }))
}
