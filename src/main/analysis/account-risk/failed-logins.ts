import type { AccountRiskSettings } from './account-risk-settings'
import type { LoginEvent } from './logins'

export interface FailedLoginBurst {
  failures: LoginEvent[]
  /** The first successful login after the burst, within one window of its last failure. */
  followingSuccess?: LoginEvent
  /** The following success came from a device the account had never logged in with before the burst. */
  successFromUnseenDevice: boolean
}

/**
 * The largest burst of failed logins inside any sliding window of `failedLoginsWindowMinutes`,
 * when it reaches `failedLoginsMin`. Earliest burst wins a tie.
 */
export function findFailedLoginBurst(logins: readonly LoginEvent[], s: AccountRiskSettings): FailedLoginBurst | null {
  const windowMs = s.failedLoginsWindowMinutes * 60_000
  const failures = logins.filter((l) => !l.success)
  let best: LoginEvent[] = []
  let start = 0
  for (let end = 0; end < failures.length; end++) {
    while (failures[end].at - failures[start].at > windowMs) start++
    if (end - start + 1 > best.length) best = failures.slice(start, end + 1)
  }
  if (best.length < s.failedLoginsMin) return null
  const first = best[0]
  const last = best[best.length - 1]
  const followingSuccess = logins.find((l) => l.success && l.at >= last.at && l.at - last.at <= windowMs)
  const knownBefore = new Set(logins.filter((l) => l.success && l.at < first.at).map((l) => l.deviceId))
  return {
    failures: best,
    followingSuccess,
    successFromUnseenDevice: !!followingSuccess && !knownBefore.has(followingSuccess.deviceId),
  }
}
