import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { ALIGNED_SIZE, collectFaceArtifacts, detectFaces, faceMatchSettings, faceSimilarity, getSelfieEmbedding, loadFaceModels } from '../../../../../src/main/analysis/face'
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
    // Four different people (two in look-alike wigs and beards): no pair reaches the shipped match threshold.
    const { minSimilarity } = faceMatchSettings(settings)
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) expect(faceSimilarity(faces[i].descriptor, faces[j].descriptor)).toBeLessThan(minSimilarity)
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

  it('finds nothing in a selfie frame without a face, and nothing on a passport whose portrait was removed', async () => {
    expect(await detectFaces(fixture('selfie-no-face.jpg'))).toEqual([])
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
