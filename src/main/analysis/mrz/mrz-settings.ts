import { loadAnalysisSettings, settingsSection, type AnalysisSettings } from '../settings'
import type { CorrectionSettings } from './correct'
import type { CropSettings } from './line-crop'
import type { LocatorSettings } from './locate-band'
import type { RealignSettings } from './realign'

export const MRZ_SETTING_KEYS = [
  'decodeMaxSide',
  'maxInputPixels',
  'locatorMaxSide',
  'inkContrast',
  'inkWindowFraction',
  'charGapFraction',
  'maxCharFraction',
  'minLineAspect',
  'minLineWidthFraction',
  'skewStepDeg',
  'linePadVertical',
  'linePadHorizontal',
  'lineStretch',
  'fallbackLineStretch',
  'lastLineStretch',
  'fillerEdgeAltMinP',
  'maxBandCandidates',
  'minLineMeanP',
  'maxLengthError',
  'fillerAltMinP',
  'maxCheckRepairs',
  'minValidCheckFraction',
  'maxSlotResidual',
  'minNameLineHeightPx',
] as const

export type MrzSettings = Record<(typeof MRZ_SETTING_KEYS)[number], number> & LocatorSettings & CropSettings & CorrectionSettings & RealignSettings

/** The "mrz" section of analysis-settings.json. */
export function mrzSettings(settings: AnalysisSettings): MrzSettings {
  return settingsSection(settings, 'mrz', MRZ_SETTING_KEYS)
}

let fromFile: MrzSettings | undefined
/** For callers without an analysis context (bench, CLI tools): the shipped settings file, read once. */
export function defaultMrzSettings(): MrzSettings {
  fromFile ??= mrzSettings(loadAnalysisSettings())
  return fromFile
}
