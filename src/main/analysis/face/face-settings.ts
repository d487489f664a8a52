import { settingsSection, type AnalysisSettings } from '../settings'
import type { DetectOptions } from './detect'

export const FACE_CAPTURE_KEYS = [
  'decodeMaxSide',
  'maxInputPixels',
  'minCameraShortSide',
  'minFaceWidthFraction',
  'minFaceSizePx',
  'secondFaceMinRelativeSize',
  'minFaceLuma',
  'backlitMinLumaDifference',
  'backlitMaxFaceLuma',
  'backgroundMargin',
  'maxFaceClippedFraction',
  'minDirectionalSharpness',
  'maxYawDeg',
  'maxPitchDeg',
  'maxRollDeg',
  'minEyesOpen',
] as const

export const FACE_MATCH_KEYS = ['minSimilarity', 'clearMismatchSimilarity', 'minPortraitSharpness', 'sameFaceMaxDistance'] as const

export type FaceCaptureSettings = Record<(typeof FACE_CAPTURE_KEYS)[number], number>
export type FaceMatchSettings = Record<(typeof FACE_MATCH_KEYS)[number], number>

export const faceCaptureSettings = (settings: AnalysisSettings): FaceCaptureSettings => settingsSection(settings, 'faceCapture', FACE_CAPTURE_KEYS)
export const faceMatchSettings = (settings: AnalysisSettings): FaceMatchSettings => settingsSection(settings, 'faceMatch', FACE_MATCH_KEYS)

export function detectOptions(s: FaceCaptureSettings): DetectOptions {
  return { maxSide: s.decodeMaxSide, maxInputPixels: s.maxInputPixels, backgroundMargin: s.backgroundMargin }
}
