import type { FaceImage, FaceObservation } from './detect'
import type { FaceCaptureSettings, FaceMatchSettings } from './face-settings'

export type CaptureCode = 'FACE_TOO_SMALL' | 'TOO_DARK' | 'BACKLIT' | 'OVEREXPOSED' | 'BLURRY' | 'POSE' | 'EYES_CLOSED'

/** One reason a face cannot be used, with what was measured and the limits it was held to. */
export interface CaptureIssue {
  code: CaptureCode
  severity: 'blocker' | 'warning' | 'info'
  confidence: number
  measured: Record<string, number>
  limits: Record<string, number>
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits

/**
 * Confidence grows with the distance past the limit: 0.6 just past it, 0.95 at `full` (the
 * value where the problem is unmistakable on the fixtures).
 */
export function marginConfidence(value: number, limit: number, full: number): number {
  const span = full - limit
  const t = span === 0 ? 1 : (value - limit) / span
  return round(0.6 + 0.35 * Math.min(1, Math.max(0, t)), 2)
}

/**
 * How far a face's measurements can be trusted given how it was found: 1 when the detector
 * found it in the letterboxed frame, 0.9 when only a retry view (the unpadded frame or a
 * tile) showed it — its landmarks, and so its crop, are less certain.
 */
export function viewConfidence(face: FaceObservation): number {
  return face.view === 'square' ? 1 : 0.9
}

/** Why a document portrait cannot be compared: too dark, washed out or blurred (limits from the selfie checks, blur from faceMatch). */
export function portraitProblems(face: FaceObservation, capture: FaceCaptureSettings, match: FaceMatchSettings): CaptureIssue[] {
  const q = face.quality
  const issues: CaptureIssue[] = []
  if (q.faceLuma < capture.minFaceLuma) {
    issues.push({ code: 'TOO_DARK', severity: 'blocker', confidence: marginConfidence(-q.faceLuma, -capture.minFaceLuma, -capture.minFaceLuma / 2), measured: { faceLuma: round(q.faceLuma, 1) }, limits: { minFaceLuma: capture.minFaceLuma } })
  }
  if (q.faceClipped > capture.maxFaceClippedFraction) {
    issues.push({ code: 'OVEREXPOSED', severity: 'blocker', confidence: marginConfidence(q.faceClipped, capture.maxFaceClippedFraction, Math.min(1, capture.maxFaceClippedFraction * 3)), measured: { faceClippedFraction: round(q.faceClipped) }, limits: { maxFaceClippedFraction: capture.maxFaceClippedFraction } })
  }
  if (q.directionalSharpness < match.minPortraitSharpness) {
    issues.push({ code: 'BLURRY', severity: 'blocker', confidence: marginConfidence(-q.directionalSharpness, -match.minPortraitSharpness, -match.minPortraitSharpness / 3), measured: { directionalSharpness: round(q.directionalSharpness, 4) }, limits: { minPortraitSharpness: match.minPortraitSharpness } })
  }
  return issues
}

/** The photographic checks of one face in one image, most basic first. */
export function assessFace(face: FaceObservation, image: FaceImage, s: FaceCaptureSettings): CaptureIssue[] {
  const issues: CaptureIssue[] = []
  const q = face.quality
  const widthFraction = face.faceSizePx / image.width
  if (widthFraction < s.minFaceWidthFraction || face.faceSizePx < s.minFaceSizePx) {
    issues.push({
      code: 'FACE_TOO_SMALL',
      severity: 'blocker',
      confidence: marginConfidence(-widthFraction, -s.minFaceWidthFraction, -s.minFaceWidthFraction / 2),
      measured: { faceWidthFraction: round(widthFraction), faceSizePx: Math.round(face.faceSizePx) },
      limits: { minFaceWidthFraction: s.minFaceWidthFraction, minFaceSizePx: s.minFaceSizePx },
    })
  }
  const difference = q.backgroundLuma - q.faceLuma
  const backlit = difference >= s.backlitMinLumaDifference && q.faceLuma <= s.backlitMaxFaceLuma
  if (backlit) {
    issues.push({
      code: 'BACKLIT',
      severity: 'blocker',
      confidence: marginConfidence(difference, s.backlitMinLumaDifference, s.backlitMinLumaDifference * 2),
      measured: { faceLuma: round(q.faceLuma, 1), backgroundLuma: round(q.backgroundLuma, 1), lumaDifference: round(difference, 1) },
      limits: { backlitMinLumaDifference: s.backlitMinLumaDifference, backlitMaxFaceLuma: s.backlitMaxFaceLuma },
    })
  } else if (q.faceLuma < s.minFaceLuma) {
    issues.push({
      code: 'TOO_DARK',
      severity: 'blocker',
      confidence: marginConfidence(-q.faceLuma, -s.minFaceLuma, -s.minFaceLuma / 2),
      measured: { faceLuma: round(q.faceLuma, 1), backgroundLuma: round(q.backgroundLuma, 1) },
      limits: { minFaceLuma: s.minFaceLuma },
    })
  }
  if (q.faceClipped > s.maxFaceClippedFraction) {
    issues.push({
      code: 'OVEREXPOSED',
      severity: 'blocker',
      confidence: marginConfidence(q.faceClipped, s.maxFaceClippedFraction, Math.min(1, s.maxFaceClippedFraction * 3)),
      measured: { faceClippedFraction: round(q.faceClipped), faceLuma: round(q.faceLuma, 1) },
      limits: { maxFaceClippedFraction: s.maxFaceClippedFraction },
    })
  }
  if (q.directionalSharpness < s.minDirectionalSharpness) {
    issues.push({
      code: 'BLURRY',
      severity: 'blocker',
      confidence: marginConfidence(-q.directionalSharpness, -s.minDirectionalSharpness, -s.minDirectionalSharpness / 3),
      measured: { directionalSharpness: round(q.directionalSharpness, 4), relativeSharpness: round(q.relativeSharpness, 4), laplacianVariance: round(q.sharpness, 1) },
      limits: { minDirectionalSharpness: s.minDirectionalSharpness },
    })
  }
  if (face.pose) {
    const { yaw, pitch, roll } = face.pose
    const over = Math.max(Math.abs(yaw) / s.maxYawDeg, Math.abs(pitch) / s.maxPitchDeg, Math.abs(roll) / s.maxRollDeg)
    if (over > 1) {
      issues.push({
        code: 'POSE',
        severity: 'blocker',
        confidence: marginConfidence(over, 1, 1.5),
        measured: { yawDeg: round(yaw, 1), pitchDeg: round(pitch, 1), rollDeg: round(roll, 1) },
        limits: { maxYawDeg: s.maxYawDeg, maxPitchDeg: s.maxPitchDeg, maxRollDeg: s.maxRollDeg },
      })
    }
  }
  if (face.eyesOpen !== null && face.eyesOpen < s.minEyesOpen) {
    issues.push({
      code: 'EYES_CLOSED',
      // The openness measure is not validated (no closed-eye photo to calibrate on) and read
      // 0.00 on open eyes in the demo corpus: a hint for the agent, never a counted cause.
      severity: 'info',
      confidence: marginConfidence(-face.eyesOpen, -s.minEyesOpen, 0),
      measured: { eyesOpen: round(face.eyesOpen) },
      limits: { minEyesOpen: s.minEyesOpen },
    })
  }
  return issues
}

/** Faces large enough, next to the main (largest) one, to count as another person in the picture. */
export function significantFaces(image: FaceImage, s: FaceCaptureSettings): FaceObservation[] {
  const main = image.faces[0]
  if (!main) return []
  return image.faces.filter((f) => f.faceSizePx >= s.secondFaceMinRelativeSize * main.faceSizePx)
}
