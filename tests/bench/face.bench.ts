import { readFileSync } from 'node:fs'
import { loadFaceModels } from '../../src/main/analysis/face'
import { inspectFaces } from '../../src/main/analysis/face/detect'
import { FACES_DIR, PEOPLE, facePhoto, passportWith, plainSelfie, roomSelfie, selfie } from '../unit/main/analysis/face/face-fixtures'
import { calibrate } from './face-calibration'
import { measureOcclusion } from './face-occlusion'
import { summarise, timeAsync } from './stats'
import { join } from 'node:path'

const mib = (bytes: number) => Math.round(bytes / 2 ** 20)

/**
 * Face detection + alignment + 128-d descriptor time per 1280x720 selfie (plain, and the demo's
 * lit-room selfie), per passport page with a portrait, and per frame without a face (every
 * detection view runs) — median, p95 — resident memory after model load and after the runs,
 * the face-match calibration (ROC, EER, TAR at FAR 0.01) and the FACE_COVERED measurement.
 * Target from the issue: < 400 ms per selfie on one core.
 */
export default async function bench(): Promise<Record<string, unknown>> {
  const rssBefore = process.memoryUsage().rss
  const [models, loadMs] = await timeAsync(() => loadFaceModels())
  const rssAfterLoad = process.memoryUsage().rss
  const selfies: Buffer[] = []
  const documents: Buffer[] = []
  const rooms: Buffer[] = []
  for (const person of PEOPLE) {
    selfies.push(await plainSelfie(facePhoto(person, 2)))
    rooms.push(await roomSelfie(person, 3))
    documents.push(await passportWith(facePhoto(person, 1)))
  }
  const empty = await selfie({ faces: [], seed: 4 })
  await inspectFaces(selfies[0]) // first run compiles the wasm kernels
  await inspectFaces(documents[0])
  const tensorsAfterWarmup = models.human.tf.memory().numTensors
  const selfieMs: number[] = []
  const selfieCpuMs: number[] = []
  const documentMs: number[] = []
  const documentCpuMs: number[] = []
  // CPU time as well as wall time: on a shared machine wall time includes waiting for a core.
  const measure = async (bytes: Buffer, wall: number[], cpu: number[]) => {
    const c0 = process.cpuUsage()
    wall.push((await timeAsync(() => inspectFaces(bytes)))[1])
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
  }
  const roomMs: number[] = []
  const roomCpuMs: number[] = []
  const emptyMs: number[] = []
  const emptyCpuMs: number[] = []
  for (let i = 0; i < 20; i++) {
    await measure(selfies[i % selfies.length], selfieMs, selfieCpuMs)
    if (i < 8) await measure(rooms[i % rooms.length], roomMs, roomCpuMs)
    if (i < 8) await measure(documents[i % documents.length], documentMs, documentCpuMs)
    if (i < 4) await measure(empty, emptyMs, emptyCpuMs)
  }
  const rssAfterRuns = process.memoryUsage().rss
  const [, groupMs] = await timeAsync(() => inspectFaces(readFileSync(join(FACES_DIR, 'group-bbt1.jpg'))))
  const [calibration, calibrationMs] = await timeAsync(() => calibrate())
  const [occlusion, occlusionMs] = await timeAsync(() => measureOcclusion())
  return {
    backend: models.human.tf.getBackend(),
    modelLoadMs: Math.round(loadMs),
    selfie1280x720Ms: summarise(selfieMs),
    selfie1280x720CpuMs: summarise(selfieCpuMs),
    roomSelfie1280x720Ms: summarise(roomMs),
    roomSelfie1280x720CpuMs: summarise(roomCpuMs),
    noFace1280x720AllViewsMs: summarise(emptyMs),
    noFace1280x720AllViewsCpuMs: summarise(emptyCpuMs),
    passportPage1334x880Ms: summarise(documentMs),
    passportPage1334x880CpuMs: summarise(documentCpuMs),
    groupPhoto1366x768FourFacesMs: Math.round(groupMs),
    rssMiB: { beforeLoad: mib(rssBefore), afterModelLoad: mib(rssAfterLoad), after20Selfies8Documents: mib(rssAfterRuns) },
    tfTensors: { afterWarmup: tensorsAfterWarmup, afterRuns: models.human.tf.memory().numTensors },
    calibration: {
      documentVsSelfie: Object.fromEntries(Object.entries(calibration.documentVsSelfie).map(([k, v]) => [k, { ...v, table: undefined }])),
      portraitsFound: calibration.portraitFound,
      selfiesFound: calibration.selfieFound,
      selfieVsSelfie: { ...calibration.selfieVsSelfie, table: undefined },
      groupPhotoImpostorDistances: calibration.groupPhotoImpostorDistances,
      ms: Math.round(calibrationMs),
    },
    occlusion: { ...occlusion, ms: Math.round(occlusionMs) },
    targetSelfieMs: 400,
  }
}
