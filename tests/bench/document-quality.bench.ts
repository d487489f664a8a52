import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { documentFileAnalyser } from '../../src/main/analysis/document-file'
import { documentIncompleteAnalyser } from '../../src/main/analysis/document-incomplete'
import { documentQualityAnalyser } from '../../src/main/analysis/document-quality'
import { decodeImage } from '../../src/main/analysis/image/decode'
import { laplacianVariance } from '../../src/main/analysis/image/laplacian'
import { loadAnalysisSettings } from '../../src/main/analysis/settings'
import type { Analyser, AnalysisContext, AnalysisInput } from '../../src/main/analysis/types'
import { CaseBundleSchema } from '../../src/shared/domain/case-bundle'
import { summarise, time, timeAsync } from './stats'

/** A context with memoised facts, like the engine's (not imported: it pulls in the OCR models). */
function createContext(input: AnalysisInput): AnalysisContext {
  const facts = new Map<string, Promise<unknown>>()
  return {
    ...input,
    fact<T>(key: string, compute: () => Promise<T>): Promise<T> {
      if (!facts.has(key)) facts.set(key, compute())
      return facts.get(key) as Promise<T>
    },
  }
}

const SPECIMENS = join(dirname(fileURLToPath(import.meta.url)), '../../resources/specimens/documents')

interface OpenCv {
  Mat: new (rows: number, cols: number, type: number) => { data: Uint8Array; delete(): void }
  CV_8UC1: number
  CV_64F: number
  Laplacian(src: unknown, dst: unknown, ddepth: number): void
  meanStdDev(src: unknown, mean: unknown, std: unknown): void
  matFromArray?: unknown
}

async function loadOpenCv(): Promise<{ cv: OpenCv }> {
  // Required as CommonJS: through the ESM interop the wasm runtime never reports ready.
  const cv = createRequire(import.meta.url)('@techstark/opencv-js') as OpenCv & { Mat?: unknown; onRuntimeInitialized?: () => void }
  // The Emscripten module is a thenable that resolves to itself: never await it; wait for the runtime.
  if (!cv.Mat) {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('opencv-js did not initialise within 60 s')), 60_000)
      const done = () => {
        clearTimeout(timer)
        resolve()
      }
      cv.onRuntimeInitialized = done
      const poll = setInterval(() => {
        if (cv.Mat) {
          clearInterval(poll)
          done()
        }
      }, 50)
    })
  }
  // Wrapped: returning the thenable module itself from an async function would never settle.
  return { cv }
}

/**
 * DOCUMENT_QUALITY / DOCUMENT_FILE_INVALID / DOCUMENT_INCOMPLETE time on a 12-megapixel photo
 * (passport-td3 upscaled to 4000×3000, JPEG q90), each on a fresh case so every run decodes; and
 * the variance of the Laplacian computed by us and by OpenCV (opencv-js, wasm) on the same
 * working-size greyscale, with the time ratio. Target: under 600 ms per document, ratio ≤ 1.5.
 */
export default async function bench(): Promise<Record<string, unknown>> {
  const runs = Number(process.env.BENCH_DQ_RUNS ?? 7)
  const settings = loadAnalysisSettings()
  const photo = await sharp(readFileSync(join(SPECIMENS, 'passport-td3.jpg'))).resize(4000, 3000, { fit: 'fill' }).jpeg({ quality: 90 }).toBuffer()
  const bundle = CaseBundleSchema.parse({
    schema: 'kyc-case/1',
    caseId: 'BENCH-1',
    attempt: 1,
    submittedAt: '2026-11-20T10:00:00Z',
    locale: 'en',
    applicant: { accountId: 'u_1', email: 'a@example.com' },
    form: { firstName: 'ANNA', lastName: 'ERIKSSON', dateOfBirth: '1974-08-12', nationality: 'UTO', documentType: 'PASSPORT', documentNumber: 'L898902C3', issuingCountry: 'UTO' },
    documents: [{ file: 'passport.jpg', side: 'single' }],
    selfies: [],
  })
  const fresh = () =>
    createContext({ bundle, files: [{ name: 'passport.jpg', role: 'document', side: 'single', bytes: photo }], settings, now: new Date('2026-11-20T12:00:00Z') })

  const log = (m: string) => process.stderr.write(`document-quality bench: ${m}\n`)
  log('photo ready')
  const perAnalyser: Record<string, unknown> = {}
  const analysers: Analyser[] = [documentFileAnalyser, documentQualityAnalyser, documentIncompleteAnalyser]
  for (const a of analysers) {
    const samples: number[] = []
    let findings = 0
    for (let i = 0; i < runs; i++) {
      const [f, ms] = await timeAsync(() => a.run(fresh()))
      samples.push(ms)
      findings = f.length
    }
    log(`${a.id} done`)
    perAnalyser[a.id] = { ...summarise(samples), findings, includesDecode: a.id !== 'document-incomplete' }
  }
  const allSamples: number[] = []
  for (let i = 0; i < runs; i++) {
    const ctx = fresh()
    const [, ms] = await timeAsync(async () => {
      for (const a of analysers) await a.run(ctx)
    })
    allSamples.push(ms)
  }
  const decodeSamples: number[] = []
  for (let i = 0; i < runs; i++) decodeSamples.push((await timeAsync(() => decodeImage(photo, { limitInputPixels: 100_000_000, workingLongSide: 1024 })))[1])

  // Blur metric against OpenCV on the same pixels.
  const decoded = await decodeImage(photo, { limitInputPixels: 100_000_000, workingLongSide: settings.image.workingLongSide.value })
  if (!decoded.ok) throw new Error('bench photo did not decode')
  const grey = decoded.image.grey
  log('loading opencv-js')
  const { cv } = await loadOpenCv()
  log('opencv-js ready')
  const src = new cv.Mat(grey.height, grey.width, cv.CV_8UC1)
  src.data.set(grey.data)
  const dst = new cv.Mat(grey.height, grey.width, cv.CV_64F)
  const mean = new cv.Mat(1, 1, cv.CV_64F)
  const std = new cv.Mat(1, 1, cv.CV_64F)
  const ours: number[] = []
  const theirs: number[] = []
  let oursValue = 0
  let cvValue = 0
  for (let i = 0; i < runs; i++) {
    const [v, ms] = time(() => laplacianVariance(grey))
    oursValue = v
    ours.push(ms)
    const [, cvMs] = time(() => {
      cv.Laplacian(src, dst, cv.CV_64F)
      cv.meanStdDev(dst, mean, std)
    })
    const sd = (std as unknown as { doubleAt(r: number, c: number): number }).doubleAt(0, 0)
    cvValue = sd * sd
    theirs.push(cvMs)
  }
  for (const m of [src, dst, mean, std]) m.delete()
  const oursS = summarise(ours)
  const cvS = summarise(theirs)
  // Full-size too (12 MP): the figure ENVIRONMENT.md quotes.
  const full = await decoded.image.fullGrey()
  const [fullValue, fullMs] = time(() => laplacianVariance(full))

  return {
    photo: { width: 4000, height: 3000, bytes: photo.length },
    decodeWorkingSize: summarise(decodeSamples),
    perAnalyser,
    allThreeOnOneCase: { ...summarise(allSamples), targetMs: 600 },
    laplacianVariance: {
      workingSize: `${grey.width}x${grey.height}`,
      ours: { ...oursS, value: Math.round(oursValue * 1000) / 1000 },
      opencv: { ...cvS, value: Math.round(cvValue * 1000) / 1000 },
      relativeDifference: Math.abs(oursValue - cvValue) / Math.max(1e-9, cvValue),
      oursOverOpenCvTime: Math.round((oursS.median / Math.max(1e-6, cvS.median)) * 100) / 100,
      targetRatio: 1.5,
      fullSize12MP: { ms: Math.round(fullMs), value: Math.round(fullValue * 1000) / 1000 },
    },
  }
}
