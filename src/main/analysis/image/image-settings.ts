import { settingsSection, type AnalysisSettings } from '../settings'
import type { DecodeOptions } from './decode'

export const IMAGE_SECTION = 'image'

/** The "image" section of analysis-settings.json: how images are decoded for pixel checks. */
export function imageDecodeOptions(settings: AnalysisSettings): DecodeOptions {
  return settingsSection(settings, IMAGE_SECTION, ['limitInputPixels', 'workingLongSide'] as const)
}
