import { beforeAll, describe, expect, it } from 'vitest'
import { inspectFaces, loadFaceModels } from '../../../../src/main/analysis/face'
import { Rng } from '../../../../src/main/demo/prng'
import { personLayers, type Layer } from '../../../../src/main/demo/selfie-person'
import { placePair, renderSelfie, type SelfieKind } from '../../../../src/main/demo/selfie-render'
import { FACE_PEOPLE } from '../../../../src/main/demo/specimens'

/** Alpha of a layer at a frame position (0 outside the layer). */
function alphaAt(layer: Layer, x: number, y: number): number {
  const lx = Math.round(x - layer.left)
  const ly = Math.round(y - layer.top)
  if (lx < 0 || ly < 0 || lx >= layer.w || ly >= layer.h) return 0
  return layer.data[(ly * layer.w + lx) * 4 + 3]
}
const opaqueAt = (layers: Layer[], x: number, y: number) => Math.max(...layers.map((l) => alphaAt(l, x, y)))

describe('a demo person: a whole head and shoulders, not a face disc', () => {
  it('draws the crown and hair above the face photo, the head beside it, and neck and shoulders below', async () => {
    for (const person of FACE_PEOPLE) {
      const s = 300
      const cx = 640
      const cy = 360
      const layers = await personLayers({ face: { person, photo: 2 }, size: s, cx, cy, headAngle: 0, skin: { r: 224, g: 188, b: 160 }, clothes: '#2f3a4c', neckline: 'crew' }, 1400, new Rng(person))
      // The photo spans brows to chin; the head goes on above it (forehead, hair) …
      expect(opaqueAt(layers, cx, cy - 0.65 * s), `${person}: crown`).toBe(255)
      expect(opaqueAt(layers, cx, cy - 0.5 * s), `${person}: top edge of the photo`).toBe(255)
      // … on both sides at eye level (ears or hair) …
      for (const side of [-1, 1]) expect(opaqueAt(layers, cx + side * 0.5 * s, cy - 0.05 * s), `${person}: side of the head`).toBeGreaterThan(200)
      // … and below it: neck, then shoulders twice the face's width apart.
      expect(opaqueAt(layers, cx, cy + 0.65 * s), `${person}: neck`).toBe(255)
      for (const side of [-1, 1]) expect(opaqueAt(layers, cx + side * 1.1 * s, cy + 1.3 * s), `${person}: shoulder`).toBe(255)
      // Air above the head and beside the neck.
      expect(opaqueAt(layers, cx, cy - 0.95 * s), `${person}: above the head`).toBe(0)
      expect(opaqueAt(layers, cx + 0.9 * s, cy + 0.5 * s), `${person}: beside the neck`).toBe(0)
    }
  })
})

describe('two people in one selfie', () => {
  it('keeps both heads wholly in the frame and apart, in landscape and portrait frames', () => {
    const rng = new Rng('pairs')
    for (let i = 0; i < 500; i++) {
      const w = rng.pick([720, 1280])
      // Both orientations are 720 px on the shorter side: face photos of 1.5-2x the 150 px crop.
      const size = Math.round(150 * rng.float(1.5, 2.0))
      const s2 = Math.round(size * rng.float(0.7, 0.85))
      const { cx, cx2 } = placePair(w, size, s2, rng.float(0.62, 0.72), rng.pick([-1, 1] as const))
      // Drawn heads reach 0.56 face sizes either side of the centre.
      expect(cx - 0.56 * size).toBeGreaterThanOrEqual(0)
      expect(cx + 0.56 * size).toBeLessThanOrEqual(w)
      expect(cx2 - 0.56 * s2).toBeGreaterThanOrEqual(0)
      expect(cx2 + 0.56 * s2).toBeLessThanOrEqual(w)
      expect(Math.abs(cx - cx2)).toBeGreaterThanOrEqual(0.56 * (size + s2) - 1e-9)
    }
  })
})

describe('demo selfies as the face detector sees them', () => {
  beforeAll(async () => {
    await loadFaceModels()
  })

  const render = (kind: SelfieKind, person: (typeof FACE_PEOPLE)[number], portrait: boolean, seed: string) =>
    renderSelfie({ face: { person, photo: 3 }, kind, portrait, other: { person: person === 'amy' ? 'leonard' : 'amy', photo: 1 } }, new Rng(seed))

  it('shows one face, found in the first view, in good selfies of every person in either orientation', async () => {
    for (const [i, person] of FACE_PEOPLE.entries()) {
      const selfie = await render('good', person, i % 2 === 1, `good-${person}`)
      const image = await inspectFaces(selfie.jpeg)
      expect(image.faces.map((f) => f.view), `${person} ${selfie.width}x${selfie.height}`).toEqual(['square'])
      expect(image.faces[0].score).toBeGreaterThan(0.9)
    }
  })

  it('shows both faces of a two-person selfie, and none in a room without anyone', async () => {
    for (const portrait of [false, true]) {
      const two = await inspectFaces((await render('two-faces', 'howard', portrait, `two-${portrait}`)).jpeg)
      expect(two.faces.length, portrait ? 'portrait' : 'landscape').toBe(2)
    }
    expect((await inspectFaces((await render('no-face', 'amy', false, 'empty')).jpeg)).faces).toEqual([])
  })

  it('darkens the person, not the window, in a backlit selfie', async () => {
    const image = await inspectFaces((await render('backlit', 'bernadette', false, 'backlit')).jpeg)
    const q = image.faces[0].quality
    expect(q.backgroundLuma - q.faceLuma).toBeGreaterThan(90)
  })
})
