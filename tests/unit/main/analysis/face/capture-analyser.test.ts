import { beforeAll, describe, expect, it } from 'vitest'
import { faceCaptureAnalyser, loadFaceModels } from '../../../../../src/main/analysis/face'
import { codes, faceCase, fixture, run } from './face-case'

beforeAll(async () => {
  await loadFaceModels()
})

const selfieCase = (name: string, camera?: { width: number; height: number }) => faceCase({ selfies: [{ name, bytes: fixture(name) }], camera })

describe('FACE_CAPTURE_FAILED', () => {
  it('passes a plain 1280x720 selfie without any problem', async () => {
    expect(await run(faceCaptureAnalyser, selfieCase('selfie-leonard.jpg'))).toEqual([])
  })

  it('reports a missing selfie, and a selfie that is not an image, as NO_SELFIE', async () => {
    expect(codes(await run(faceCaptureAnalyser, faceCase({})))).toEqual(['NO_SELFIE'])
    const broken = await run(faceCaptureAnalyser, faceCase({ selfies: [{ name: 'selfie.jpg', bytes: fixture('selfie-amy.jpg').subarray(0, 200) }] }))
    expect(broken.map((f) => [f.code, f.severity, f.artifact])).toEqual([['NO_SELFIE', 'blocker', 'selfie.jpg']])
  })

  it('says NO_FACE for a frame without anyone in it, after looking in every view', async () => {
    const [f] = await run(faceCaptureAnalyser, selfieCase('selfie-no-face.jpg'))
    expect([f.code, f.severity]).toEqual(['NO_FACE', 'blocker'])
    expect(f.evidence.detectionViews).toEqual(['square', 'frame', 'tiles'])
  })

  it('passes the 16:9 selfie once wrongly reported as NO_FACE, and the one once reported as MULTIPLE_FACES', async () => {
    expect(codes(await run(faceCaptureAnalyser, selfieCase('selfie-cutout-16x9.jpg')), 'blocker')).toEqual([])
    expect(codes(await run(faceCaptureAnalyser, selfieCase('selfie-chin-box.jpg')), 'blocker')).toEqual([])
  })

  it('reports a face found only closer up as FACE_TOO_SMALL, not NO_FACE, less sure and saying how it was found', async () => {
    const [f] = await run(faceCaptureAnalyser, selfieCase('selfie-far-face.jpg'))
    expect([f.code, f.severity, f.evidence.detectionView]).toEqual(['FACE_TOO_SMALL', 'blocker', 'tiles'])
    // At most 0.95 (the unmistakable end of the scale) × 0.9 for a retry view, rounded.
    expect(f.confidence).toBeLessThanOrEqual(0.86)
  })

  it('reports camera shake as BLURRY, which the plain Laplacian measure reads as sharp', async () => {
    const [f] = await run(faceCaptureAnalyser, selfieCase('selfie-shaken.jpg'))
    expect([f.code, f.severity]).toEqual(['BLURRY', 'blocker'])
    expect(f.evidence.directionalSharpness as number).toBeLessThan(f.evidence.minDirectionalSharpness as number)
    // The earlier measure (Laplacian variance / grey variance, limit 0.025) passed this face.
    expect(f.evidence.relativeSharpness as number).toBeGreaterThan(0.025)
  })

  it('tells a dark selfie (TOO_DARK) from a backlit one (BACKLIT), with the measured brightness', async () => {
    const dark = await run(faceCaptureAnalyser, selfieCase('selfie-dark.jpg'))
    expect(codes(dark, 'blocker')).toEqual(['TOO_DARK'])
    expect(dark[0].evidence.faceLuma as number).toBeLessThan(dark[0].evidence.minFaceLuma as number)
    expect(dark[0].remedies).toContain('SELFIE_IN_DAYLIGHT')
    const backlit = await run(faceCaptureAnalyser, selfieCase('selfie-backlit.jpg'))
    expect(codes(backlit, 'blocker')).toEqual(['BACKLIT'])
    expect(backlit[0].remedies).toContain('AVOID_BACKLIGHT')
    expect(backlit[0].evidence.backgroundLuma as number).toBeGreaterThan(200)
    // The region points at the face, in the middle of the frame.
    const r = backlit[0].region!
    expect(r.x).toBeLessThan(0.5)
    expect(r.x + r.w).toBeGreaterThan(0.5)
  })

  it('reports an overexposed face and a blurred one', async () => {
    expect(codes(await run(faceCaptureAnalyser, selfieCase('selfie-overexposed.jpg')), 'blocker')).toContain('OVEREXPOSED')
    expect(codes(await run(faceCaptureAnalyser, selfieCase('selfie-blurry.jpg')), 'blocker')).toEqual(['BLURRY'])
  })

  it('reports a face too small in the frame, and a strongly tilted head as POSE', async () => {
    const small = await run(faceCaptureAnalyser, selfieCase('selfie-small-face.jpg'))
    expect(codes(small, 'blocker')).toContain('FACE_TOO_SMALL')
    const tilted = await run(faceCaptureAnalyser, selfieCase('selfie-tilted.jpg'))
    expect(codes(tilted, 'blocker')).toEqual(['POSE'])
    expect(Math.abs(tilted[0].evidence.rollDeg as number)).toBeGreaterThan(tilted[0].evidence.maxRollDeg as number)
    expect(tilted[0].remedies).toContain('FACE_CAMERA_STRAIGHT')
  })

  it('reports a second person in the selfie, pointing at the second face', async () => {
    const [f] = await run(faceCaptureAnalyser, selfieCase('selfie-two-faces.jpg'))
    expect([f.code, f.severity, f.evidence.faces]).toEqual(['MULTIPLE_FACES', 'blocker', 2])
    expect(f.remedies).toContain('SELFIE_ALONE')
  })

  it('warns about a camera below 720p, from the image and from device.camera', async () => {
    const low = await run(faceCaptureAnalyser, selfieCase('selfie-low-res.jpg'))
    expect(low.map((f) => [f.code, f.severity])).toEqual([['LOW_CAMERA_RESOLUTION', 'warning']])
    expect(low[0].remedies).toEqual(['USE_720P_CAMERA'])
    const device = await run(faceCaptureAnalyser, selfieCase('selfie-leonard.jpg', { width: 640, height: 480 }))
    expect(device.map((f) => f.code)).toEqual(['LOW_CAMERA_RESOLUTION'])
    expect(device[0].evidence).toMatchObject({ cameraWidth: 640, cameraHeight: 480, minShortSide: 720 })
  })

  it('only notes the problems of a bad selfie when another selfie of the case is fine', async () => {
    const ctx = faceCase({ selfies: [{ name: 'dark.jpg', bytes: fixture('selfie-dark.jpg') }, { name: 'good.jpg', bytes: fixture('selfie-howard.jpg') }] })
    const findings = await run(faceCaptureAnalyser, ctx)
    expect(findings.map((f) => [f.code, f.severity, f.artifact])).toEqual([['TOO_DARK', 'info', 'dark.jpg']])
  })
})
