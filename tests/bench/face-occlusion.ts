/**
 * FACE_COVERED calibration: the mouth-contrast measure (FaceQuality.mouthContrast: grey spread
 * around the mouth over the inner face's) on the 20 specimen photos as selfies, uncovered and
 * with each occlusion of face-fixtures.ts drawn on (masks of four kinds, sunglasses, a hand),
 * on the demo corpus's room selfies of the same photos, and on the four bearded men of the group
 * photo (real, uncovered lower faces). Also how far each occlusion moves the face descriptor from
 * the uncovered photo. Run `npx tsx tests/bench/face-occlusion.ts`; the face bench runs it too.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inspectFaces } from '../../src/main/analysis/face/detect'
import { faceDistance } from '../../src/main/analysis/face/similarity'
import { Rng } from '../../src/main/demo/prng'
import { renderSelfie } from '../../src/main/demo/selfie-render'
import { COVERS, FACES_DIR, PEOPLE, facePhoto, selfie, type Cover } from '../unit/main/analysis/face/face-fixtures'

export interface Spread { n: number; found: number; min: number; median: number; max: number }
export interface OcclusionReport {
  mouthContrast: Record<'uncovered' | 'room selfie' | 'group photo (beards)' | Cover, Spread>
  /** Descriptor distance of each covered selfie from the same photo uncovered. */
  descriptorShift: Record<Cover, Spread>
}

const r3 = (x: number) => Math.round(x * 1000) / 1000

function spread(values: number[], n: number): Spread {
  const xs = [...values].sort((a, b) => a - b)
  if (!xs.length) return { n, found: 0, min: Number.NaN, median: Number.NaN, max: Number.NaN }
  return { n, found: xs.length, min: r3(xs[0]), median: r3(xs[xs.length >> 1]), max: r3(xs[xs.length - 1]) }
}

const placed = (photo: string, cover?: Cover) => selfie({ faces: [{ photo, size: 375, cx: 640, cy: 340, ...(cover ? { cover } : {}) }] })

export async function measureOcclusion(): Promise<OcclusionReport> {
  const contrast: Record<string, number[]> = {}
  const shift: Record<string, number[]> = {}
  const add = (table: Record<string, number[]>, key: string, v: number) => (table[key] ??= []).push(v)
  let photos = 0
  for (const person of PEOPLE) {
    for (let n = 1; n <= 5; n++) {
      photos++
      const photo = facePhoto(person, n)
      const clean = (await inspectFaces(await placed(photo))).faces[0]
      if (clean) add(contrast, 'uncovered', clean.quality.mouthContrast)
      const room = (await inspectFaces((await renderSelfie({ face: { person, photo: n }, kind: 'good', portrait: n % 2 === 0 }, new Rng(`occlusion:${person}:${n}`))).jpeg)).faces[0]
      if (room) add(contrast, 'room selfie', room.quality.mouthContrast)
      for (const cover of COVERS) {
        const face = (await inspectFaces(await placed(photo, cover))).faces[0]
        if (!face) continue
        add(contrast, cover, face.quality.mouthContrast)
        if (clean) add(shift, cover, faceDistance(face.descriptor, clean.descriptor))
      }
    }
  }
  const group = (await inspectFaces(readFileSync(join(FACES_DIR, 'group-bbt1.jpg')))).faces
  for (const f of group) add(contrast, 'group photo (beards)', f.quality.mouthContrast)
  const keys = ['uncovered', 'room selfie', 'group photo (beards)', ...COVERS] as const
  return {
    mouthContrast: Object.fromEntries(keys.map((k) => [k, spread(contrast[k] ?? [], k === 'group photo (beards)' ? 4 : photos)])) as OcclusionReport['mouthContrast'],
    descriptorShift: Object.fromEntries(COVERS.map((k) => [k, spread(shift[k] ?? [], photos)])) as OcclusionReport['descriptorShift'],
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const report = await measureOcclusion()
  process.stdout.write('| selfie | found | mouth contrast min | median | max |\n|---|---|---|---|---|\n')
  for (const [k, s] of Object.entries(report.mouthContrast)) process.stdout.write(`| ${k} | ${s.found}/${s.n} | ${s.min} | ${s.median} | ${s.max} |\n`)
  process.stdout.write('\n| cover | descriptor shift from the uncovered photo min | median | max |\n|---|---|---|---|\n')
  for (const [k, s] of Object.entries(report.descriptorShift)) process.stdout.write(`| ${k} | ${s.min} | ${s.median} | ${s.max} |\n`)
}
