import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CaseBundleSchema, type CaseBundle } from '../../shared/domain/case-bundle'
import { iso, makeAccount } from './account'
import { degradeDocument, encodeClean, spoilFile, type Params } from './degrade'
import { renderDocumentFront, renderIdBack } from './document-render'
import { mrzLines, toMrzText } from './mrz-writer'
import type { Rng } from './prng'
import type { CaseSpec } from './scenarios'
import { renderSelfie } from './selfie-render'
import { makeUploads, type UploadFile } from './uploads'

/** Renders one case's files, writes `<outDir>/<caseId>-a<attempt>/`, returns the bundle. */

export const VENDOR_NAME = 'IDCheck Pro'
const MIN = 60_000

interface OutFile {
  name: string
  bytes: Buffer
}

function readable(spec: CaseSpec): boolean {
  if (spec.documents === 'none' || spec.uploadTrouble === 'BROKEN') return false
  if (spec.fileProblem && spec.fileProblem !== 'EDITED') return false
  return !spec.docQuality || spec.docQuality === 'OVEREXPOSED' || spec.docQuality === 'BLACK_AND_WHITE'
}

function documentFileNames(spec: CaseSpec): { front: string; back?: string } {
  if (spec.specimen.documentType === 'PASSPORT') return { front: 'passport.jpg' }
  return { front: 'id_front.jpg', ...(spec.documents === 'all' ? { back: 'id_back.jpg' } : {}) }
}

export async function buildCase(spec: CaseSpec, outDir: string, seed: number, rng: Rng): Promise<CaseBundle> {
  const t = spec.submittedAt
  const params: Record<string, Params> = {}
  const files: OutFile[] = []
  const mrz = mrzLines(spec.specimen.layout, {
    documentCode: spec.specimen.documentCode,
    issuingState: spec.truth.issuingState,
    lastName: spec.truth.lastName,
    firstName: spec.truth.firstName,
    documentNumber: spec.truth.documentNumber,
    nationality: spec.truth.nationality,
    dateOfBirth: spec.truth.dateOfBirth,
    documentExpiry: spec.truth.documentExpiry,
    sex: spec.truth.sex,
  })

  // Documents: captured a few minutes before submitting.
  const captureAt = t - rng.int(4, 9) * MIN
  const names = documentFileNames(spec)
  const docEntries: { name: string; side: 'front' | 'back' | 'single' }[] = []
  if (spec.documents !== 'none') {
    const front = await renderDocumentFront(spec.specimen, mrz, { person: spec.person, photo: spec.docPhoto }, rng.fork('front'), {
      lastName: spec.truth.lastName,
      firstName: spec.truth.firstName,
      ...(spec.truth.nativeName ? { nativeName: spec.truth.nativeName } : {}),
      documentNumber: spec.truth.documentNumber,
    })
    let bytes: Buffer
    if (spec.docQuality) {
      const d = await degradeDocument(front, spec.docQuality, rng.fork('quality'))
      bytes = d.bytes
      params.document = d.params
    } else {
      const c = await encodeClean(front, rng.fork('encode'), new Date(captureAt))
      bytes = c.bytes
      params.document = c.params
    }
    if (spec.fileProblem) {
      const f = await spoilFile(bytes, { width: front.width, height: front.height }, spec.fileProblem, rng.fork('file'), new Date(captureAt + 3 * MIN))
      bytes = f.bytes
      params.file = f.params
    }
    files.push({ name: names.front, bytes })
    docEntries.push({ name: names.front, side: spec.specimen.documentType === 'PASSPORT' ? 'single' : 'front' })
    if (names.back) {
      const back = await renderIdBack(
        spec.specimen,
        { address: spec.address, issuedOn: spec.truth.issuedOn, authority: `${spec.address.city} identity office`, cardNumber: spec.truth.documentNumber },
        rng.fork('back'),
      )
      files.push({ name: names.back, bytes: (await encodeClean(back, rng.fork('encode-back'), new Date(captureAt + MIN))).bytes })
      docEntries.push({ name: names.back, side: 'back' })
    }
  }

  const selfie = await renderSelfie(
    {
      face: { person: spec.selfiePerson, photo: spec.selfiePhoto },
      kind: spec.selfieKind,
      portrait: spec.client.mobile,
      ...(spec.selfieOther ? { other: spec.selfieOther } : {}),
    },
    rng.fork('selfie'),
  )
  // Which fixture person's face: lets a test check no two accounts share a face and a name unlabelled.
  params.selfie = { person: spec.selfiePerson, ...selfie.params }
  files.push({ name: 'selfie.jpg', bytes: selfie.jpeg })

  // Uploads: documents first, then the selfie. A BROKEN upload breaks off the front page.
  const uploadStart = captureAt + rng.int(20, 90) * 1000
  const uploadFiles: UploadFile[] = files.map((f) => ({ name: f.name, bytes: f.bytes.length, breaks: f.name === names.front }))
  const up = makeUploads(uploadFiles, uploadStart, spec.uploadTrouble, rng.fork('uploads'))
  if (up.receivedBytes !== undefined) {
    const broken = files.find((f) => f.name === names.front)!
    broken.bytes = broken.bytes.subarray(0, up.receivedBytes)
  }
  if (Object.keys(up.params).length) params.uploads = up.params
  const lastUpload = Math.max(...up.rows.map((r) => Date.parse(r.endedAt ?? r.startedAt)))
  const submittedAt = Math.max(t, lastUpload + rng.int(10, 60) * 1000)
  const uploadedAt = (name: string) => {
    const rows = up.rows.filter((r) => r.file === name)
    return rows.at(-1)?.endedAt ?? iso(uploadStart)
  }

  const acc = makeAccount({ home: spec.culture.country === spec.residenceCountry ? spec.culture.country : spec.residenceCountry, submittedAt: uploadStart, createdAt: spec.accountCreatedAt, homeDevice: spec.homeDevice, ...(spec.risk ? { risk: spec.risk } : {}) }, rng.fork('account'))
  if (Object.keys(acc.params).length) params.account = acc.params

  const camera = spec.selfieKind === 'low-res' ? { width: 640, height: 480 } : { width: selfie.width, height: selfie.height }
  const vendor: CaseBundle['vendor'] =
    spec.status === 'pending'
      ? { name: VENDOR_NAME, decision: 'PENDING' }
      : {
          name: VENDOR_NAME,
          decision: 'RED',
          rejectType: spec.vendorFinal ? 'FINAL' : 'RETRY',
          labels: spec.vendorLabels.length ? spec.vendorLabels : ['UNSATISFACTORY_PHOTOS'],
          ...(spec.vendorComment ? { comment: spec.vendorComment } : {}),
          ...(readable(spec)
            ? {
                extracted: {
                  firstName: toMrzText(spec.truth.firstName).replace(/<+/g, ' ').trim(),
                  lastName: toMrzText(spec.truth.lastName).replace(/<+/g, ' ').trim(),
                  dateOfBirth: spec.truth.dateOfBirth,
                  documentNumber: spec.truth.documentNumber,
                  documentExpiry: spec.truth.documentExpiry,
                  nationality: spec.truth.nationality,
                  sex: spec.truth.sex,
                  issuingCountry: spec.truth.issuingState,
                  mrz,
                },
              }
            : {}),
        }

  const bundle = {
    schema: 'kyc-case/1' as const,
    caseId: spec.caseId,
    attempt: spec.attempt,
    submittedAt: iso(submittedAt),
    status: spec.status,
    locale: spec.locale,
    applicant: {
      accountId: spec.accountId,
      email: spec.email,
      ...(spec.phone ? { phone: spec.phone } : {}),
      residenceCountry: spec.residenceCountry,
    },
    form: {
      firstName: spec.typed.firstName,
      lastName: spec.typed.lastName,
      ...(spec.typed.nativeName ? { nativeName: spec.typed.nativeName } : {}),
      dateOfBirth: spec.typed.dateOfBirth,
      sex: spec.typed.sex,
      nationality: spec.typed.nationality,
      documentType: spec.specimen.documentType,
      documentNumber: spec.typed.documentNumber,
      ...(spec.typed.documentExpiry ? { documentExpiry: spec.typed.documentExpiry } : {}),
      issuingCountry: spec.typed.issuingCountry,
      address: spec.address,
    },
    documents: docEntries.map((d) => ({ file: d.name, side: d.side, uploadedAt: uploadedAt(d.name) })),
    selfies: [{ file: 'selfie.jpg', capturedAt: iso(captureAt + rng.int(60, 150) * 1000) }],
    vendor,
    device: {
      userAgent: spec.client.userAgent,
      camera,
      connection: spec.connection,
      clientVersion: spec.clientVersion,
    },
    uploads: up.rows,
    account: acc.account,
    expected: { causes: spec.expected },
    // Not part of kyc-case/1 (kept raw, ignored by the importer): how this demo case was made.
    demo: { generator: 'kyc-desk demo', seed, scenario: spec.scenario, params },
  }
  const parsed = CaseBundleSchema.parse(bundle)
  const dir = join(outDir, `${spec.caseId}-a${spec.attempt}`)
  await mkdir(dir, { recursive: true })
  await Promise.all(files.map((f) => writeFile(join(dir, f.name), f.bytes)))
  await writeFile(join(dir, 'case.json'), `${JSON.stringify(bundle, null, 2)}\n`)
  return parsed
}
