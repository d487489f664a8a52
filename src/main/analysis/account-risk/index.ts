import type { Severity } from '../../../shared/domain/causes'
import type { Finding } from '../../../shared/domain/finding'
import type { Analyser, AnalysisContext } from '../types'
import {
  failedLoginsFinding,
  impossibleTravelFinding,
  newDeviceFinding,
  noTwoFactorFinding,
  passwordChangeFinding,
} from './account-findings'
import { ACCOUNT_RISK_SECTION, accountRiskSettings } from './account-risk-settings'
import { findFailedLoginBurst } from './failed-logins'
import { findImpossibleTravel } from './impossible-travel'
import { HOUR_MS, loginTimeline } from './logins'
import { findNewDevices } from './new-device'

/**
 * ACCOUNT_SECURITY_RISK from the account's login history, password and 2FA state.
 *
 * Severity rule (docs/analysis/account-and-client.md):
 * - impossible travel → blocker;
 * - a failed-login burst → blocker when it reaches failedLoginsBlockerMin or a success from a
 *   never-seen device follows it, else warning;
 * - a new device → warning; a recent password change → info alone;
 *   a new device AND a password change after it, both within their windows (the takeover
 *   sequence) → both blocker; a password change next to any other signal → warning;
 * - 2FA off → info alone (a recommendation, never a cause by itself), warning when any other
 *   signal is present.
 */
export async function analyseAccountRisk(ctx: AnalysisContext): Promise<Finding[]> {
  const account = ctx.bundle.account
  if (!account) return []
  const s = accountRiskSettings(ctx.settings)
  const submittedAt = Date.parse(ctx.bundle.submittedAt)
  const createdAt = Date.parse(account.createdAt)
  const logins = loginTimeline(account)
  const twoFactor = account.twoFactorEnabled
  const findings: Finding[] = []

  const hops = findImpossibleTravel(logins, s)
  if (hops.length) findings.push(impossibleTravelFinding(hops, s, twoFactor))

  const burst = findFailedLoginBurst(logins, s)
  if (burst) {
    const severity: Severity = burst.failures.length >= s.failedLoginsBlockerMin || burst.successFromUnseenDevice ? 'blocker' : 'warning'
    findings.push(failedLoginsFinding(burst, severity, s, twoFactor))
  }

  const newDevices = Number.isFinite(createdAt) ? findNewDevices(logins, createdAt, submittedAt, s) : []
  const changedAt = account.passwordChangedAt ? Date.parse(account.passwordChangedAt) : NaN
  const passwordHoursBefore = (submittedAt - changedAt) / HOUR_MS
  const accountOlderThanWindow = createdAt < submittedAt - s.passwordChangeWindowHours * HOUR_MS
  const recentPasswordChange =
    Number.isFinite(passwordHoursBefore) && passwordHoursBefore >= 0 && passwordHoursBefore <= s.passwordChangeWindowHours && accountOlderThanWindow
  const takeoverSequence = recentPasswordChange && newDevices.some((d) => d.firstSeen.at <= changedAt)

  const accountAgeDays = (submittedAt - createdAt) / (24 * HOUR_MS)
  for (const device of newDevices) {
    const escalate = takeoverSequence && device.firstSeen.at <= changedAt
    findings.push(newDeviceFinding(device, escalate ? 'blocker' : 'warning', s, accountAgeDays))
  }

  if (recentPasswordChange) {
    const othersCount = findings.filter((f) => f.severity !== 'info').length
    const severity: Severity = takeoverSequence ? 'blocker' : othersCount > 0 ? 'warning' : 'info'
    findings.push(passwordChangeFinding(changedAt, account.passwordChangedAt!, passwordHoursBefore, severity, s))
  }

  if (!twoFactor) {
    const others = findings.filter((f) => f.severity !== 'info').map((f) => f.code)
    findings.push(noTwoFactorFinding(others.length ? 'warning' : 'info', [...new Set(others)]))
  }
  return findings
}

export const accountRiskAnalyser: Analyser = {
  id: 'account-risk',
  version: '1',
  causes: ['ACCOUNT_SECURITY_RISK'],
  settingsSections: [ACCOUNT_RISK_SECTION],
  run: analyseAccountRisk,
}
