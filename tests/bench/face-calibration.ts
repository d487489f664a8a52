/**
 * Face-match calibration: descriptors of the 20 specimen face photos (4 people x 5) as an ID
 * portrait (greyscale, 90 px, JPEG q40 on plain background) and as a selfie in two capture
 * conditions:
 * - `plain`: the photo scaled 2.5x into a 1280x720 frame;
 * - `room`: the demo corpus's selfie (src/main/demo/selfie-render.ts): the photo inside a drawn
 *   head and shoulders in a room, toned to a skin colour, under a random exposure, side light and
 *   white balance, with sensor noise and lens softness, landscape or portrait.
 * Pairs document-vs-selfie of different photos: 80 same-person and 300 different-person per
 * condition; selfie-vs-selfie (for SAME_FACE duplicates, plain vs room of different photos):
 * 80 and 300. Run `npx tsx tests/bench/face-calibration.ts` to print the ROC tables as
 * markdown; the face bench runs it too.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inspectFaces } from '../../src/main/analysis/face/detect'
import { faceMatchSettings } from '../../src/main/analysis/face/face-settings'
import { distanceFromSimilarity, faceDistance, similarityFromDistance } from '../../src/main/analysis/face/similarity'
import { loadAnalysisSettings } from '../../src/main/analysis/settings'
import { Rng } from '../../src/main/demo/prng'
import { renderSelfie } from '../../src/main/demo/selfie-render'
import { FACES_DIR, PEOPLE, facePhoto, idPortrait, plainSelfie } from '../unit/main/analysis/face/face-fixtures'

interface Sample { person: string; n: number; plain: Float32Array | null; room: Float32Array | null; portrait: Float32Array | null }

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

export function roc(genuine: number[], impostor: number[], shippedDistance?: number, farTarget = 0.01, extraRows: number[] = []): RocSummary {
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
  // The shipped limits as rows of their own.
  for (const t of extraRows) if (!table.some((r) => r.distance === r3(t))) table.push({ distance: r3(t), similarity: r3(similarityFromDistance(t)), ...at(t) })
  table.sort((a, b) => a.distance - b.distance)
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

export interface Calibration {
  /** Document portrait vs selfie, per selfie capture condition and both together. */
  documentVsSelfie: { plain: RocSummary; room: RocSummary; both: RocSummary }
  selfieVsSelfie: RocSummary
  portraitFound: number
  selfieFound: { plain: number; room: number }
  groupPhotoImpostorDistances: number[]
}

/** The demo corpus's selfie of one photo: seeded, so every run measures the same pictures. */
async function roomSelfie(person: (typeof PEOPLE)[number], n: number): Promise<Buffer> {
  const rng = new Rng(`calibration:${person}:${n}`)
  return (await renderSelfie({ face: { person, photo: n }, kind: 'good', portrait: n % 2 === 0 }, rng)).jpeg
}

export async function calibrate(): Promise<Calibration> {
  const samples: Sample[] = []
  for (const person of PEOPLE) {
    for (let n = 1; n <= 5; n++) {
      const photo = facePhoto(person, n)
      const plain = (await inspectFaces(await plainSelfie(photo, n))).faces[0]
      const room = (await inspectFaces(await roomSelfie(person, n))).faces[0]
      const p = (await inspectFaces(await idPortrait(photo))).faces[0]
      samples.push({ person, n, plain: plain?.descriptor ?? null, room: room?.descriptor ?? null, portrait: p?.descriptor ?? null })
    }
  }
  const shipped = faceMatchSettings(loadAnalysisSettings())
  const shippedDistance = distanceFromSimilarity(shipped.minSimilarity)
  const limits = [shippedDistance, distanceFromSimilarity(shipped.clearMismatchSimilarity)]
  const doc = { plain: { genuine: [] as number[], impostor: [] as number[] }, room: { genuine: [] as number[], impostor: [] as number[] } }
  const selfGenuine: number[] = []
  const selfImpostor: number[] = []
  for (const a of samples) {
    for (const b of samples) {
      if (a === b) continue
      const same = a.person === b.person
      for (const condition of ['plain', 'room'] as const) {
        const selfie = b[condition]
        if (a.portrait && selfie) (same ? doc[condition].genuine : doc[condition].impostor).push(faceDistance(a.portrait, selfie))
      }
      // Selfie vs selfie across the two conditions: one account's webcam photo, another's phone selfie.
      if (a.plain && b.room) (same ? selfGenuine : selfImpostor).push(faceDistance(a.plain, b.room))
    }
  }
  return {
    documentVsSelfie: {
      plain: roc(doc.plain.genuine, doc.plain.impostor, shippedDistance, 0.01, limits),
      room: roc(doc.room.genuine, doc.room.impostor, shippedDistance, 0.01, limits),
      both: roc([...doc.plain.genuine, ...doc.room.genuine], [...doc.plain.impostor, ...doc.room.impostor], shippedDistance, 0.01, limits),
    },
    selfieVsSelfie: roc(selfGenuine, selfImpostor, shipped.sameFaceMaxDistance, 0.01, [shipped.sameFaceMaxDistance]),
    groupPhotoImpostorDistances: await groupPhotoDistances(),
    portraitFound: samples.filter((s) => s.portrait).length,
    selfieFound: { plain: samples.filter((s) => s.plain).length, room: samples.filter((s) => s.room).length },
  }
}

export function markdownTable(s: RocSummary): string {
  const rows = s.table.map((r) => `| ${r.distance.toFixed(3)} | ${r.similarity.toFixed(3)} | ${r.tar.toFixed(3)} | ${r.far.toFixed(3)} |`)
  return ['| distance ≤ | similarity ≥ | TAR (same person accepted) | FAR (different people accepted) |', '|---|---|---|---|', ...rows].join('\n')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await calibrate()
  const tables = [
    ['document vs selfie (plain)', result.documentVsSelfie.plain],
    ['document vs selfie (room)', result.documentVsSelfie.room],
    ['document vs selfie (both)', result.documentVsSelfie.both],
    ['selfie vs selfie (plain vs room)', result.selfieVsSelfie],
  ] as const
  for (const [name, s] of tables) {
    const { table, ...rest } = s
    process.stdout.write(`\n### ${name}\n${JSON.stringify(rest)}\n\n${markdownTable({ ...s, table })}\n`)
  }
  process.stdout.write(`\ngroup photo, different people: ${result.groupPhotoImpostorDistances.join(', ')}\n`)
  process.stdout.write(`\nfaces found: portraits ${result.portraitFound}/20, selfies plain ${result.selfieFound.plain}/20, room ${result.selfieFound.room}/20\n`)
}
