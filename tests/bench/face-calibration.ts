/**
 * Face-match calibration: descriptors of the 20 specimen face photos (4 people x 5), once as
 * a selfie (the photo scaled 2.5x into a 1280x720 frame) and once as an ID portrait (greyscale,
 * 90 px, JPEG q40 on plain background). Pairs document-vs-selfie of different photos: 80
 * same-person, 300 different-person; selfie-vs-selfie (for SAME_FACE duplicates): 40 and 150.
 * Run `npx tsx tests/bench/face-calibration.ts` to print the ROC tables as markdown; the face
 * bench runs it too.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inspectFaces } from '../../src/main/analysis/face/detect'
import { faceMatchSettings } from '../../src/main/analysis/face/face-settings'
import { distanceFromSimilarity, faceDistance, similarityFromDistance } from '../../src/main/analysis/face/similarity'
import { loadAnalysisSettings } from '../../src/main/analysis/settings'
import { FACES_DIR, PEOPLE, facePhoto, idPortrait, plainSelfie } from '../unit/main/analysis/face/face-fixtures'

interface Sample { person: string; n: number; selfie: Float32Array | null; portrait: Float32Array | null }

export interface RocRow { distance: number; similarity: number; tar: number; far: number }
export interface RocSummary {
  genuine: number
  impostor: number
  missingFaces: number
  eer: number
  eerDistance: number
  /** Largest distance threshold with FAR <= 0.01, and the TAR there. */
  farTarget: number
  thresholdAtFar: number
  tarAtFar: number
  genuineDistances: { min: number; median: number; max: number }
  impostorDistances: { min: number; median: number; max: number }
  table: RocRow[]
  /** TAR and FAR at the shipped threshold (faceMatch.minSimilarity, or sameFaceMaxDistance for selfie pairs). */
  atShipped?: { distance: number; tar: number; far: number }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const r3 = (x: number) => Math.round(x * 1000) / 1000

export function roc(genuine: number[], impostor: number[], shippedDistance?: number, farTarget = 0.01): RocSummary {
  const at = (t: number) => ({ tar: genuine.filter((d) => d <= t).length / genuine.length, far: impostor.filter((d) => d <= t).length / impostor.length })
  const candidates = [...new Set([...genuine, ...impostor])].sort((a, b) => a - b)
  let eer = 1
  let eerDistance = 0
  let best = { t: 0, tar: 0 }
  for (const t of candidates) {
    const { tar, far } = at(t)
    // EER: the operating point where the larger of the two error rates is smallest.
    if (Math.max(1 - tar, far) < eer) {
      eer = Math.max(1 - tar, far)
      eerDistance = t
    }
    if (far <= farTarget && tar >= best.tar) best = { t, tar }
  }
  // The acceptance threshold is put half-way to the nearest impostor above it, not on a genuine pair.
  const nextImpostor = impostor.filter((d) => d > best.t).sort((a, b) => a - b)[0] ?? best.t
  const thresholdAtFar = (best.t + nextImpostor) / 2
  const table: RocRow[] = []
  for (let t = 0.3; t <= 0.9001; t += 0.05) table.push({ distance: r3(t), similarity: r3(similarityFromDistance(t)), ...at(t) })
  const span = (xs: number[]) => ({ min: r3(Math.min(...xs)), median: r3(median(xs)), max: r3(Math.max(...xs)) })
  return {
    genuine: genuine.length,
    impostor: impostor.length,
    missingFaces: 0,
    eer: r3(eer),
    eerDistance: r3(eerDistance),
    farTarget,
    thresholdAtFar: r3(thresholdAtFar),
    tarAtFar: r3(at(thresholdAtFar).tar),
    genuineDistances: span(genuine),
    impostorDistances: span(impostor),
    table: table.map((r) => ({ ...r, tar: r3(r.tar), far: r3(r.far) })),
    ...(shippedDistance !== undefined ? { atShipped: { distance: r3(shippedDistance), tar: r3(at(shippedDistance).tar), far: r3(at(shippedDistance).far) } } : {}),
  }
}

/** Distances between the four different people of the group photo (two wear look-alike wigs and beards). */
async function groupPhotoDistances(): Promise<number[]> {
  const faces = (await inspectFaces(readFileSync(join(FACES_DIR, 'group-bbt1.jpg')))).faces
  const out: number[] = []
  for (let i = 0; i < faces.length; i++) for (let j = i + 1; j < faces.length; j++) out.push(r3(faceDistance(faces[i].descriptor, faces[j].descriptor)))
  return out.sort((a, b) => a - b)
}

export async function calibrate(): Promise<{ documentVsSelfie: RocSummary; selfieVsSelfie: RocSummary; portraitFound: number; selfieFound: number; groupPhotoImpostorDistances: number[] }> {
  const samples: Sample[] = []
  for (const person of PEOPLE) {
    for (let n = 1; n <= 5; n++) {
      const photo = facePhoto(person, n)
      const s = (await inspectFaces(await plainSelfie(photo, n))).faces[0]
      const p = (await inspectFaces(await idPortrait(photo))).faces[0]
      samples.push({ person, n, selfie: s?.descriptor ?? null, portrait: p?.descriptor ?? null })
    }
  }
  const shipped = faceMatchSettings(loadAnalysisSettings())
  const docGenuine: number[] = []
  const docImpostor: number[] = []
  const selfGenuine: number[] = []
  const selfImpostor: number[] = []
  for (const a of samples) {
    for (const b of samples) {
      if (a === b) continue
      const same = a.person === b.person
      if (a.portrait && b.selfie) (same ? docGenuine : docImpostor).push(faceDistance(a.portrait, b.selfie))
      if (a.selfie && b.selfie && samples.indexOf(a) < samples.indexOf(b)) (same ? selfGenuine : selfImpostor).push(faceDistance(a.selfie, b.selfie))
    }
  }
  return {
    documentVsSelfie: roc(docGenuine, docImpostor, distanceFromSimilarity(shipped.minSimilarity)),
    selfieVsSelfie: roc(selfGenuine, selfImpostor, shipped.sameFaceMaxDistance),
    groupPhotoImpostorDistances: await groupPhotoDistances(),
    portraitFound: samples.filter((s) => s.portrait).length,
    selfieFound: samples.filter((s) => s.selfie).length,
  }
}

export function markdownTable(s: RocSummary): string {
  const rows = s.table.map((r) => `| ${r.distance.toFixed(2)} | ${r.similarity.toFixed(3)} | ${r.tar.toFixed(3)} | ${r.far.toFixed(3)} |`)
  return ['| distance ≤ | similarity ≥ | TAR (same person accepted) | FAR (different people accepted) |', '|---|---|---|---|', ...rows].join('\n')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await calibrate()
  for (const [name, s] of [['document vs selfie', result.documentVsSelfie], ['selfie vs selfie', result.selfieVsSelfie]] as const) {
    const { table, ...rest } = s
    process.stdout.write(`\n### ${name}\n${JSON.stringify(rest)}\n\n${markdownTable({ ...s, table })}\n`)
  }
  process.stdout.write(`\ngroup photo, different people: ${result.groupPhotoImpostorDistances.join(', ')}\n`)
  process.stdout.write(`\nfaces found: portraits ${result.portraitFound}/20, selfies ${result.selfieFound}/20\n`)
}
