import type { AccountRiskSettings } from './account-risk-settings'
import { HOUR_MS, type LoginEvent } from './logins'

export interface NewDevice {
  deviceId: string
  firstSeen: LoginEvent
  hoursBeforeSubmission: number
  /** Devices with a successful login before this one first appeared. */
  devicesKnownBefore: number
}

/**
 * Devices whose first successful login falls within `newDeviceWindowHours` before submission, on
 * an account older than that window. Only judged when the history shows an earlier successful
 * login: a history that starts inside the window cannot tell a new device from a short export.
 */
export function findNewDevices(
  logins: readonly LoginEvent[],
  accountCreatedAt: number,
  submittedAt: number,
  s: AccountRiskSettings,
): NewDevice[] {
  const windowStart = submittedAt - s.newDeviceWindowHours * HOUR_MS
  if (!(accountCreatedAt < windowStart)) return []
  const successes = logins.filter((l) => l.success)
  if (!successes.some((l) => l.at < windowStart)) return []
  const seen = new Set<string>()
  const found: NewDevice[] = []
  for (const login of successes) {
    if (seen.has(login.deviceId)) continue
    if (login.at >= windowStart && login.at <= submittedAt) {
      found.push({
        deviceId: login.deviceId,
        firstSeen: login,
        hoursBeforeSubmission: (submittedAt - login.at) / HOUR_MS,
        devicesKnownBefore: seen.size,
      })
    }
    seen.add(login.deviceId)
  }
  return found
}
