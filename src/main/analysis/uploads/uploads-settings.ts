import type { AnalysisSettings } from '../settings'
import { settingsSection } from '../settings'

export const UPLOADS_SECTION = 'uploads'
const KEYS = ['repeatedRetriesMin', 'cellularFailuresMin'] as const
export type UploadsSettings = Record<(typeof KEYS)[number], number>

export function uploadsSettings(settings: AnalysisSettings): UploadsSettings {
  return settingsSection(settings, UPLOADS_SECTION, KEYS)
}
