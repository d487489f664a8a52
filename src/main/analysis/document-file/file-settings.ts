import { settingsSection, type AnalysisSettings } from '../settings'

export const FILE_SECTION = 'documentFile'

const KEYS = ['maxBytes', 'minBytes', 'maxPixels', 'minLongSide'] as const
export type FileSettings = Record<(typeof KEYS)[number], number>

export function fileSettings(settings: AnalysisSettings): FileSettings {
  return settingsSection(settings, FILE_SECTION, KEYS)
}
