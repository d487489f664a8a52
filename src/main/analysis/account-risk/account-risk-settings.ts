import type { AnalysisSettings } from '../settings'
import { settingsSection } from '../settings'

export const ACCOUNT_RISK_SECTION = 'accountRisk'

const KEYS = [
  'maxTravelSpeedKmh',
  'minTravelDistanceKm',
  'newDeviceWindowHours',
  'failedLoginsMin',
  'failedLoginsWindowMinutes',
  'failedLoginsBlockerMin',
  'passwordChangeWindowHours',
] as const

export type AccountRiskSettings = Record<(typeof KEYS)[number], number>

export function accountRiskSettings(settings: AnalysisSettings): AccountRiskSettings {
  return settingsSection(settings, ACCOUNT_RISK_SECTION, KEYS)
}
