import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { ALIGNED_SIZE, collectFaceArtifacts, detectFaces, faceDistance, faceMatchSettings, getSelfieEmbedding, inspectFaces, loadFaceModels } from '../../../../../src/main/analysis/face'
import { FACES_DIR } from './face-fixtures'
import { faceCase, fixture, settings } from './face-case'

beforeAll(async () => {
  await loadFaceModels()
})

describe('detectFaces', () => {
  it('finds each of the four people in the group photo, with boxes on the image and 128-d descriptors', async () => {
    const faces = await detectFaces(readFileSync(join(FACES_DIR, 'group-bbt1.jpg')))
    expect(faces).toHaveLength(4)
    const centres = faces.map((f) => f.region.x + f.region.w / 2).sort((a, b) => a - b)
    // Four people side by side on a sofa: one face in each quarter of the width.
    expect(centres.map((c) => Math.floor(c * 4))).toEqual([0, 1, 2, 3])
    for (const f of faces) {
      expect(f.descriptor).toBeInstanceOf(Float32Array)
      expect(f.descriptor).toHaveLength(128)
      expect(f.score).toBeGreaterThan(0.5)
      expect(f.region.y + f.region.h).toBeLessThan(0.5) // faces are in the upper half of the picture
      expect(f.eyes.left.x).toBeLessThan(f.eyes.right.x)
      expect(f.pose).not.toBeNull()
    }
    // Four different people, two in look-alike wigs and beards (0.585 apart, docs/analysis/face.md):
    // none is close enough to another to be taken for the same face by the duplicate check.
    const { sameFaceMaxDistance } = faceMatchSettings(settings)
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) expect(faceDistance(faces[i].descriptor, faces[j].descriptor)).toBeGreaterThan(sameFaceMaxDistance)
  })

  it('finds the face in a 16:9 selfie that the detector missed while it squashed the frame into its square input', async () => {
    // A demo selfie from before the letterboxing (a feathered face disc, seed 3): no face was found.
    const image = await inspectFaces(fixture('selfie-cutout-16x9.jpg'))
    expect(image.faces).toHaveLength(1)
    expect(image.faces[0].view).toBe('square')
    expect(image.views).toEqual(['square'])
  })

  it('reports one face per head: no second, overlapping box on the chin', async () => {
    // Squashed, the detector put a 0.3-confident second box on this chin: MULTIPLE_FACES on a plain selfie.
    const faces = await detectFaces(fixture('selfie-chin-box.jpg'))
    expect(faces).toHaveLength(1)
  })

  it('looks again closer up for a face too far away for the whole frame, and says where it was found', async () => {
    const image = await inspectFaces(fixture('selfie-far-face.jpg'))
    expect(image.views).toEqual(['square', 'frame', 'tiles'])
    expect(image.faces.map((f) => f.view)).toEqual(['tiles'])
    // The tile's coordinates are mapped back onto the frame: the face is right of centre, near the top.
    const r = image.faces[0].region
    expect(r.x + r.w / 2).toBeGreaterThan(0.6)
    expect(r.y + r.h / 2).toBeLessThan(0.5)
  })

  it('returns an aligned crop with the eyes level, even for a head tilted by 38 degrees', async () => {
    const [face] = await detectFaces(fixture('selfie-tilted.jpg'))
    expect(Math.abs(face.pose!.roll)).toBeGreaterThan(30)
    const meta = await sharp(face.crop).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['png', ALIGNED_SIZE, ALIGNED_SIZE])
    const [again] = await detectFaces(face.crop)
    const { left, right } = again.eyes
    expect(Math.abs(Math.atan2(right.y - left.y, right.x - left.x) * (180 / Math.PI))).toBeLessThan(6)
  })

  it('finds nothing in a selfie frame without a face, and nothing on a passport whose portrait was removed, after every view', async () => {
    const empty = await inspectFaces(fixture('selfie-no-face.jpg'))
    expect([empty.faces, empty.views]).toEqual([[], ['square', 'frame', 'tiles']])
    expect(await detectFaces(fixture('passport-no-portrait.jpg'))).toEqual([])
  })

  it('rejects bytes that are not an image', async () => {
    await expect(detectFaces(Buffer.from('not an image'))).rejects.toThrow()
  })
})

describe('helpers for other analysers', () => {
  it('computes each file once per case and shares the selfie embedding and the crops', async () => {
    const ctx = faceCase({ documents: [{ name: 'id.jpg', bytes: fixture('passport-amy.jpg') }], selfies: [{ name: 'selfie.jpg', bytes: fixture('selfie-amy.jpg') }] })
    const embedding = await getSelfieEmbedding(ctx)
    expect(embedding).toHaveLength(128)
    const artifacts = await collectFaceArtifacts(ctx)
    expect(artifacts.map((a) => [a.file, a.role, a.faces.length])).toEqual([['id.jpg', 'document', 1], ['selfie.jpg', 'selfie', 1]])
    const portrait = artifacts[0].faces[0]
    // The portrait sits in the left third of the passport page.
    expect(portrait.box.x + portrait.box.w).toBeLessThan(0.35)
    expect((await sharp(portrait.crop).metadata()).format).toBe('png')
    // Memoised: the same observation object comes back, not a second detection.
    expect(await getSelfieEmbedding(ctx)).toBe(embedding)
  })

  it('has no selfie embedding when the only selfie face is unusable (too dark)', async () => {
    const ctx = faceCase({ selfies: [{ name: 'dark.jpg', bytes: fixture('selfie-dark.jpg') }] })
    expect(await getSelfieEmbedding(ctx)).toBeNull()
  })
})
