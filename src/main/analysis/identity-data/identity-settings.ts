import { settingsSection, type AnalysisSettings } from '../settings'

export const IDENTITY_DATA_SECTION = 'identityData'
export const DOCUMENT_EXPIRY_SECTION = 'documentExpiry'

const IDENTITY_KEYS = ['minimumAge', 'nameTypoMaxEdits', 'nameTypoMaxEditFraction', 'documentNumberTypoMaxEdits'] as const
const EXPIRY_KEYS = ['expiresSoonDays'] as const

export type IdentityDataSettings = Record<(typeof IDENTITY_KEYS)[number], number>
export type DocumentExpirySettings = Record<(typeof EXPIRY_KEYS)[number], number>

export function identityDataSettings(settings: AnalysisSettings): IdentityDataSettings {
  return settingsSection(settings, IDENTITY_DATA_SECTION, IDENTITY_KEYS)
}

export function documentExpirySettings(settings: AnalysisSettings): DocumentExpirySettings {
  return settingsSection(settings, DOCUMENT_EXPIRY_SECTION, EXPIRY_KEYS)
}
