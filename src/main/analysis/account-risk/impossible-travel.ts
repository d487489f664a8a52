import type { AccountRiskSettings } from './account-risk-settings'
import { countryCentroid, countryDistance } from './country-centroids'
import { HOUR_MS, type LoginEvent } from './logins'

export interface TravelHop {
  from: LoginEvent
  to: LoginEvent
  centroidKm: number
  minimumKm: number
  hours: number
  /** minimumKm / hours; hours is floored at one minute so two logins in the same second stay finite. */
  impliedKmh: number
}

const MIN_GAP_HOURS = 1 / 60

/**
 * Consecutive successful logins from countries that no one could travel between in the time
 * between them. Uses the at-least distance between the two countries (see countryDistance), so a
 * hop across a border is never "impossible" just because the capitals are far apart.
 * Unknown country codes (geo-IP placeholders such as XX, A1, T1) break the chain: no hop is judged
 * across them.
 */
export function findImpossibleTravel(logins: readonly LoginEvent[], s: AccountRiskSettings): TravelHop[] {
  const successes = logins.filter((l) => l.success)
  const hops: TravelHop[] = []
  for (let i = 1; i < successes.length; i++) {
    const from = successes[i - 1]
    const to = successes[i]
    if (from.country === to.country) continue
    const a = countryCentroid(from.country)
    const b = countryCentroid(to.country)
    if (!a || !b) continue
    const { centroidKm, minimumKm } = countryDistance(a, b)
    const hours = (to.at - from.at) / HOUR_MS
    const impliedKmh = minimumKm / Math.max(hours, MIN_GAP_HOURS)
    if (minimumKm >= s.minTravelDistanceKm && impliedKmh > s.maxTravelSpeedKmh) {
      hops.push({ from, to, centroidKm, minimumKm, hours, impliedKmh })
    }
  }
  return hops
}
