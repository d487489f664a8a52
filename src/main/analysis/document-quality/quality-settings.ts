import { settingsSection, type AnalysisSettings } from '../settings'

export const QUALITY_SECTION = 'documentQuality'

const KEYS = [
  'tileSize',
  'sharpTileShare',
  'maxBlurEffect',
  'minDarkP90',
  'maxMeanLuminance',
  'highlightLevel',
  'highlightMaxChroma',
  'glareCellShare',
  'minGlareFraction',
  'maxGlareFraction',
  'minGlareFill',
  'minGlareMargin',
  'maxGlareEdgeSteepness',
  'cutStripDepth',
  'cutStepLevel',
  'minCutScore',
  'minCutCoverage',
  'cutOppositeRatio',
  'outlineEdgeLevel',
  'minOutlineLineShare',
  'maxOutlineSkewDeg',
  'outlineCornerReach',
  'maxBeyondEdgeDensity',
  'minBoundarySpan',
  'aspectTolerance',
  'maxTightScanSkewDeg',
  'minDocumentLongSide',
  'contentTileEnergy',
  'maxGreyChroma',
] as const

export type QualitySettings = Record<(typeof KEYS)[number], number>

export function qualitySettings(settings: AnalysisSettings): QualitySettings {
  return settingsSection(settings, QUALITY_SECTION, KEYS)
}
