import type { Cause } from '../../shared/domain/causes'
import { deviceId, type AccountRisk } from './account'
import { MODERN_CLIENTS, OLD_CLIENTS, currentClientVersion, outdatedClientVersion, type Client, type OldClientKey } from './client'
import type { DocumentQualityKind, FileProblem } from './degrade'
import { CULTURES, GENERIC_CULTURES, emailLocalPart, type Address, type Culture } from './people'
import type { VariantId } from './plan'
import type { Rng } from './prng'
import type { SelfieKind } from './selfie-render'
import { FACE_PEOPLE, FACE_SEX, specimens, type FacePerson, type Specimen } from './specimens'
import type { UploadTrouble } from './uploads'
import { nameKey } from '../../shared/domain/name-key'

/**
 * A case before any pixel is drawn: who the customer is, what the document truly says, what
 * they typed, and what went wrong. `baseSpec` makes a clean case; each variant then breaks
 * exactly one thing, the way it breaks in real submissions.
 */

const DAY = 86_400_000
const MIN = 60_000

export interface Identity {
  firstName: string
  lastName: string
  nativeName?: string
  sex: 'F' | 'M'
  dateOfBirth: string
  /** ICAO code as in the MRZ (D for Germany). */
  nationality: string
  issuingState: string
  documentNumber: string
  documentExpiry: string
  issuedOn: string
}

export interface Typed {
  firstName: string
  lastName: string
  nativeName?: string
  dateOfBirth: string
  sex: 'F' | 'M'
  nationality: string
  issuingCountry: string
  documentNumber: string
  documentExpiry?: string
}

export interface CaseSpec {
  caseId: string
  attempt: number
  status: 'failed' | 'pending'
  submittedAt: number
  culture: Culture
  specimen: Specimen
  person: FacePerson
  docPhoto: number
  selfiePhoto: number
  selfiePerson: FacePerson
  selfieOther?: { person: FacePerson; photo: number }
  truth: Identity
  typed: Typed
  locale: string
  accountId: string
  email: string
  phone?: string
  residenceCountry: string
  address: Address
  documents: 'all' | 'front-only' | 'none'
  docQuality?: DocumentQualityKind
  fileProblem?: FileProblem
  selfieKind: SelfieKind
  client: Client
  clientVersion: string
  connection: 'wifi' | 'cellular' | 'ethernet'
  uploadTrouble: UploadTrouble
  risk?: AccountRisk
  accountCreatedAt: number
  homeDevice: string
  vendorLabels: string[]
  vendorComment?: string
  vendorFinal?: boolean
  expected: Cause[]
  scenario: string[]
}

export interface Registry {
  caseIds: Set<string>
  accountIds: Set<string>
  documentNumbers: Set<string>
  /**
   * `face|name` and `face|date of birth` of every identity drawn. The corpus has four faces for all
   * its identities; two accounts with one face and one name (or birth date) would be one person
   * holding two accounts, a duplicate identity nobody labelled.
   */
  faceIdentities: Set<string>
  year: number
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number)
  const day = m === 2 && d === 29 ? 28 : d
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function unique(set: Set<string>, make: () => string): string {
  for (;;) {
    const v = make()
    if (!set.has(v)) {
      set.add(v)
      return v
    }
  }
}

/** What the customer picks from the country list: alpha-3 (Germany is DEU, not the MRZ's D). */
function formCountry(icao: string): string {
  return icao === 'D' ? 'DEU' : icao
}

function pickSpecimen(rng: Rng, need?: 'ID_CARD'): Specimen {
  const weights: Record<string, number> = {
    'passport-td3.jpg': 3,
    '100_pass-uto.jpg': 2,
    'passport-td2.jpg': 1.5,
    '100_pass-chn.jpg': 1.2,
    '100_pass-cze.jpg': 1,
    '100_pass-hrv.jpg': 1,
    '100_id-rou.jpg': 1.3,
  }
  const pool = specimens().filter((s) => !need || s.documentType === need)
  return rng.weighted(pool.map((s) => [s, weights[s.file] ?? 1] as const))
}

export function baseSpec(rng: Rng, reg: Registry, submittedAt: number, opts: { needIdCard?: boolean } = {}): CaseSpec {
  const specimen = pickSpecimen(rng, opts.needIdCard ? 'ID_CARD' : undefined)
  const culture = CULTURES[specimen.cultures === 'generic' ? rng.pick(GENERIC_CULTURES) : specimen.cultures]
  const person = rng.pick(FACE_PEOPLE)
  const sex = FACE_SEX[person]
  let name = culture.name(rng, sex)
  while (reg.faceIdentities.has(`${person}|${nameKey(name.firstName, name.lastName)}`)) name = culture.name(rng, sex)
  let dateOfBirth = isoDate(submittedAt - rng.int(19 * 365 + 10, 68 * 365) * DAY)
  while (reg.faceIdentities.has(`${person}|${dateOfBirth}`)) dateOfBirth = isoDate(submittedAt - rng.int(19 * 365 + 10, 68 * 365) * DAY)
  reg.faceIdentities.add(`${person}|${nameKey(name.firstName, name.lastName)}`).add(`${person}|${dateOfBirth}`)
  const expiry = isoDate(submittedAt + rng.int(120, 9 * 365) * DAY)
  const documentNumber = unique(reg.documentNumbers, () => culture.passportNumber(rng))
  const truth: Identity = {
    firstName: name.firstName,
    lastName: name.lastName,
    ...(name.nativeName ? { nativeName: name.nativeName } : {}),
    sex,
    dateOfBirth,
    nationality: culture.nationality,
    issuingState: culture.nationality,
    documentNumber,
    documentExpiry: expiry,
    issuedOn: addYears(expiry, -10),
  }
  const [docPhoto, selfiePhoto] = rng.shuffle([1, 2, 3, 4, 5])
  const client = rng.pick(MODERN_CLIENTS)
  const accountId = unique(reg.accountIds, () => `u_${rng.int(10000, 999999)}`)
  const caseId = unique(reg.caseIds, () => `BN-${reg.year}-${String(rng.int(1, 999999)).padStart(6, '0')}`)
  const spec: CaseSpec = {
    caseId,
    attempt: 1,
    status: 'failed',
    submittedAt,
    culture,
    specimen,
    person,
    docPhoto,
    selfiePhoto,
    selfiePerson: person,
    truth,
    typed: typedFromTruth(truth, rng),
    locale: culture.locale,
    accountId,
    email: `${emailLocalPart(rng, name)}@${rng.chance(0.7) ? 'example.com' : 'example.org'}`,
    ...(culture.phone ? { phone: culture.phone(rng) } : {}),
    residenceCountry: culture.country,
    address: culture.address(rng),
    documents: 'all',
    selfieKind: 'good',
    client,
    clientVersion: currentClientVersion(rng),
    connection: client.mobile ? 'wifi' : rng.pick(['wifi', 'ethernet'] as const),
    uploadTrouble: 'NONE',
    accountCreatedAt: submittedAt - rng.int(30, 700) * DAY - rng.int(0, 20 * 60) * MIN,
    homeDevice: deviceId(rng),
    vendorLabels: [],
    expected: [],
    scenario: [],
  }
  return spec
}

export function typedFromTruth(truth: Identity, rng: Rng): Typed {
  return {
    firstName: truth.firstName,
    lastName: truth.lastName,
    ...(truth.nativeName ? { nativeName: truth.nativeName } : {}),
    dateOfBirth: truth.dateOfBirth,
    sex: truth.sex,
    nationality: formCountry(truth.nationality),
    issuingCountry: formCountry(truth.issuingState),
    documentNumber: truth.documentNumber,
    // Most forms ask for the expiry; a few older flows did not.
    ...(rng.chance(0.9) ? { documentExpiry: truth.documentExpiry } : {}),
  }
}

/**
 * A real typo: a dropped, doubled, swapped or neighbouring-key letter. Only letters are touched:
 * moving a hyphen or a space ("ChiaH-ao" for "Chia-Hao") is no mismatch once names are compared
 * with separators folded, as the contract asks, so it must not be labelled as one.
 */
export function typo(word: string, rng: Rng): string {
  const letters = [...word]
  if (letters.length < 3) return `${word}${word.at(-1)}`
  const isLetter = (ch: string | undefined) => ch !== undefined && /\p{L}/u.test(ch)
  const inner = letters.map((_, k) => k).filter((k) => k >= 1 && k <= letters.length - 2 && isLetter(letters[k]))
  const i = inner.length ? rng.pick(inner) : rng.int(1, letters.length - 2)
  const op = rng.pick(['drop', 'double', 'swap', 'vowel'] as const)
  if (op === 'drop') letters.splice(i, 1)
  else if (op === 'double') letters.splice(i, 0, letters[i])
  else if (op === 'swap' && isLetter(letters[i + 1]) && letters[i].toLowerCase() !== letters[i + 1].toLowerCase()) [letters[i], letters[i + 1]] = [letters[i + 1], letters[i]]
  else {
    const vowels = 'aeiou'
    const lower = letters[i].toLowerCase()
    const next = vowels.includes(lower) ? vowels[(vowels.indexOf(lower) + 1) % 5] : 'e'
    letters[i] = letters[i] === lower ? next : next.toUpperCase()
  }
  const out = letters.join('')
  const folded = (v: string) => v.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\p{L}]/gu, '').toLowerCase()
  return folded(out) === folded(word) ? `${word.slice(0, -1)}` : out
}

const SELFIE_KIND: Record<string, SelfieKind> = {
  TOO_DARK: 'dark',
  BACKLIT: 'backlit',
  BLURRY: 'blurred',
  FACE_TOO_SMALL: 'small',
  POSE: 'tilted',
  MULTIPLE_FACES: 'two-faces',
  MULTIPLE_FACES_GROUP: 'group',
  NO_FACE: 'no-face',
  LOW_CAMERA_RESOLUTION: 'low-res',
  OVEREXPOSED: 'overexposed',
}

/** Our variant → the contract's sub-code (CAUSE_CODES), for the bundle's `demo.scenario`. */
const SUB_CODE: Record<string, string> = {
  'IDENTITY_DATA_MISMATCH/NAME_SWAPPED': 'NAME',
  'DOCUMENT_FILE_INVALID/ZERO_BYTES': 'TOO_SMALL',
  'DOCUMENT_FILE_INVALID/PDF_AS_JPG': 'UNSUPPORTED_FORMAT',
  'DOCUMENT_FILE_INVALID/TEXT_AS_JPG': 'CORRUPT',
  'FACE_CAPTURE_FAILED/MULTIPLE_FACES_GROUP': 'MULTIPLE_FACES',
  'ACCOUNT_SECURITY_RISK/NEW_DEVICE': 'NEW_DEVICE',
  'CLIENT_UNSUPPORTED/CHROME_70': 'OUTDATED_BROWSER',
  'CLIENT_UNSUPPORTED/IOS_12': 'OUTDATED_OS',
  'CLIENT_UNSUPPORTED/IE_11': 'UNSUPPORTED_BROWSER',
  'CLIENT_UNSUPPORTED/ANDROID_7_WEBVIEW': 'OUTDATED_OS',
}

export function subCode(variant: VariantId): string {
  return SUB_CODE[variant] ?? variant.split('/')[1]
}

function addCause(spec: CaseSpec, cause: Cause, variant: VariantId): void {
  if (!spec.expected.includes(cause)) spec.expected.push(cause)
  spec.scenario.push(`${cause}/${subCode(variant)}${subCode(variant) !== variant.split('/')[1] ? ` (${variant.split('/')[1]})` : ''}`)
}

function label(spec: CaseSpec, ...labels: string[]): void {
  for (const l of labels) if (!spec.vendorLabels.includes(l)) spec.vendorLabels.push(l)
}

/** Variants that need an identity card (a back side) must know it before the base is made. */
export function needsIdCard(variants: readonly VariantId[]): boolean {
  return variants.includes('DOCUMENT_INCOMPLETE/BACK_SIDE_MISSING')
}

export function applyVariant(spec: CaseSpec, variant: VariantId, rng: Rng, reg: Registry): void {
  const [cause, code] = variant.split('/') as [Cause, string]
  addCause(spec, cause, variant)
  const t = spec.submittedAt
  switch (cause) {
    case 'IDENTITY_DATA_MISMATCH': {
      if (code === 'NAME') {
        if (rng.chance(0.6)) spec.typed.lastName = typo(spec.typed.lastName, rng)
        else spec.typed.firstName = typo(spec.typed.firstName, rng)
        label(spec, 'DATA_MISMATCH', 'NAME_MISMATCH')
      } else if (code === 'NAME_SWAPPED') {
        ;[spec.typed.firstName, spec.typed.lastName] = [spec.typed.lastName, spec.typed.firstName]
        label(spec, 'DATA_MISMATCH', 'NAME_MISMATCH')
      } else if (code === 'DATE_OF_BIRTH') {
        // Day ≤ 12 and ≠ month, so the swapped date is a valid, different date.
        const [y, m] = spec.truth.dateOfBirth.split('-')
        let d = rng.int(1, 12)
        if (d === Number(m)) d = (d % 12) + 1
        spec.truth.dateOfBirth = `${y}-${m}-${String(d).padStart(2, '0')}`
        spec.typed.dateOfBirth = `${y}-${String(d).padStart(2, '0')}-${m}`
        label(spec, 'DATA_MISMATCH', 'DOB_MISMATCH')
      } else if (code === 'DOCUMENT_NUMBER') {
        // The document number has a 0 that the customer typed as the letter O.
        reg.documentNumbers.delete(spec.truth.documentNumber)
        let n = spec.truth.documentNumber
        if (!/0/.test(n.slice(1))) {
          const i = rng.int(1, n.length - 1)
          n = n.slice(0, i) + '0' + n.slice(i + 1)
        }
        while (reg.documentNumbers.has(n)) n = n.slice(0, -1) + String(rng.int(1, 9))
        reg.documentNumbers.add(n)
        spec.truth.documentNumber = n
        const zeros = [...n].map((ch, i) => (ch === '0' && i > 0 ? i : -1)).filter((i) => i > 0)
        const at = rng.pick(zeros.length ? zeros : [n.indexOf('0')])
        spec.typed.documentNumber = n.slice(0, at) + 'O' + n.slice(at + 1)
        label(spec, 'DATA_MISMATCH', 'DOCUMENT_NUMBER_MISMATCH')
      } else if (code === 'NATIONALITY') {
        // Living abroad, the customer picked their country of residence as nationality.
        const abroad = rng.pick(
          [
            ['DE', 'DEU', { line1: 'Kastanienallee 12', city: 'Berlin', postalCode: '10435', country: 'DE' }],
            ['GB', 'GBR', { line1: '14 Victoria Road', city: 'London', postalCode: 'NW6 6SX', country: 'GB' }],
            ['US', 'USA', { line1: '220 Pine Street', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' }],
            ['FR', 'FRA', { line1: '8 rue Oberkampf', city: 'Paris', postalCode: '75011', country: 'FR' }],
          ] as const,
        )
        const [alpha2, alpha3, address] = abroad[1] === formCountry(spec.truth.nationality) ? (['JP', 'JPN', { line1: 'Shibuya 2-21-1', city: 'Tokyo', postalCode: '150-0002', country: 'JP' }] as const) : abroad
        spec.residenceCountry = alpha2
        spec.address = { ...address }
        spec.typed.nationality = alpha3
        label(spec, 'DATA_MISMATCH')
      } else if (code === 'UNDERAGE') {
        spec.truth.dateOfBirth = isoDate(t - rng.int(16 * 365 + 5, 17 * 365 + 350) * DAY)
        spec.typed.dateOfBirth = spec.truth.dateOfBirth
        spec.vendorFinal = true
        label(spec, 'UNDERAGE')
      }
      spec.vendorComment ??= 'Data entered does not match the document.'
      break
    }
    case 'DOCUMENT_EXPIRED': {
      const expiry = code === 'EXPIRED' ? isoDate(t - rng.int(20, 1500) * DAY) : isoDate(t + rng.int(3, 25) * DAY)
      spec.truth.documentExpiry = expiry
      spec.truth.issuedOn = addYears(expiry, -10)
      if (spec.typed.documentExpiry !== undefined || rng.chance(0.5)) spec.typed.documentExpiry = expiry
      label(spec, code === 'EXPIRED' ? 'DOCUMENT_EXPIRED' : 'DOCUMENT_EXPIRES_SOON')
      spec.vendorComment ??= code === 'EXPIRED' ? 'The document has expired.' : 'The document expires within 30 days.'
      break
    }
    case 'DOCUMENT_QUALITY': {
      spec.docQuality = code as DocumentQualityKind
      const labels: Record<string, string[]> = {
        BLURRY: ['LOW_QUALITY_IMAGE', 'DOCUMENT_BLURRY'],
        GLARE: ['LOW_QUALITY_IMAGE', 'GLARE_ON_DOCUMENT'],
        TOO_DARK: ['LOW_QUALITY_IMAGE'],
        OVEREXPOSED: ['LOW_QUALITY_IMAGE'],
        LOW_RESOLUTION: ['LOW_QUALITY_IMAGE', 'LOW_RESOLUTION'],
        CROPPED: ['DOCUMENT_CROPPED', 'INCOMPLETE_DOCUMENT'],
        BLACK_AND_WHITE: ['BLACK_AND_WHITE', 'DOCUMENT_COPY'],
      }
      label(spec, ...labels[code])
      spec.vendorComment ??= 'Document is not readable.'
      break
    }
    case 'DOCUMENT_FILE_INVALID': {
      spec.fileProblem = code as FileProblem
      label(spec, code === 'EDITED' ? 'EDITED_IMAGE' : 'DOCUMENT_DAMAGED')
      if (code === 'EDITED') spec.vendorFinal = rng.chance(0.5)
      spec.vendorComment ??= code === 'EDITED' ? 'Signs of digital editing.' : 'The uploaded file could not be processed.'
      break
    }
    case 'DOCUMENT_INCOMPLETE': {
      spec.documents = code === 'NO_DOCUMENT' ? 'none' : 'front-only'
      label(spec, code === 'NO_DOCUMENT' ? 'DOCUMENT_MISSING' : 'MISSING_BACK_SIDE')
      spec.vendorComment ??= code === 'NO_DOCUMENT' ? 'No identity document was provided.' : 'The back side of the identity card is missing.'
      break
    }
    case 'FACE_CAPTURE_FAILED': {
      spec.selfieKind = SELFIE_KIND[code]
      if (code === 'MULTIPLE_FACES') spec.selfieOther = { person: rng.pick(FACE_PEOPLE.filter((p) => p !== spec.person)), photo: rng.int(1, 5) }
      label(spec, code === 'NO_FACE' ? 'NO_FACE_DETECTED' : code.startsWith('MULTIPLE') ? 'MULTIPLE_FACES' : 'SELFIE_LOW_QUALITY')
      spec.vendorComment ??= 'Selfie could not be used.'
      break
    }
    case 'FACE_MISMATCH': {
      // Mostly someone of the same sex (a relative, a friend), sometimes anyone.
      const sameSex = FACE_PEOPLE.filter((p) => p !== spec.person && FACE_SEX[p] === spec.truth.sex)
      spec.selfiePerson = rng.chance(0.75) ? rng.pick(sameSex) : rng.pick(FACE_PEOPLE.filter((p) => p !== spec.person))
      spec.selfiePhoto = rng.int(1, 5)
      label(spec, 'BAD_FACE_MATCHING')
      spec.vendorComment ??= 'Face on the selfie does not match the document.'
      break
    }
    case 'ACCOUNT_SECURITY_RISK': {
      spec.risk = code as AccountRisk
      if (rng.chance(0.5)) label(spec, 'FRAUD_SUSPICION')
      spec.vendorComment ??= 'Manual review required.'
      break
    }
    case 'DUPLICATE_IDENTITY': {
      label(spec, 'DUPLICATE_ACCOUNT')
      spec.vendorFinal = true
      spec.vendorComment ??= 'Applicant already verified with another account.'
      break
    }
    case 'UPLOAD_NETWORK_FAILURE': {
      spec.connection = 'cellular'
      if (!spec.client.mobile) spec.client = rng.pick(MODERN_CLIENTS.filter((c) => c.mobile))
      spec.uploadTrouble = code === 'INCOMPLETE_UPLOAD' ? 'BROKEN' : 'RETRIES'
      if (code === 'INCOMPLETE_UPLOAD') {
        // What arrived is a cut-off JPEG: the file is broken too, because of the network.
        addCause(spec, 'DOCUMENT_FILE_INVALID', 'DOCUMENT_FILE_INVALID/TRUNCATED')
        label(spec, 'DOCUMENT_DAMAGED')
      }
      label(spec, 'INCOMPLETE_SUBMISSION')
      spec.vendorComment ??= 'Uploaded files incomplete.'
      break
    }
    case 'CLIENT_UNSUPPORTED': {
      if (code === 'OUTDATED_CLIENT') spec.clientVersion = outdatedClientVersion(rng)
      else spec.client = OLD_CLIENTS[code as OldClientKey]
      if (spec.client.mobile && spec.connection === 'ethernet') spec.connection = 'wifi'
      label(spec, 'TECHNICAL_ERROR')
      spec.vendorComment ??= 'Capture session ended with an error.'
      break
    }
    case 'REVIEW_BACKLOG': {
      spec.status = 'pending'
      break
    }
  }
}

/** Clean cases the vendor failed anyway: what vendors say when they are wrong. */
export function vendorFalsePositive(spec: CaseSpec, rng: Rng): void {
  const [labels, comment] = rng.pick([
    [['BAD_FACE_MATCHING'], 'Face similarity below threshold.'],
    [['DOCUMENT_DAMAGED'], 'Document may be damaged.'],
    [['SUSPECTED_FRAUD'], 'Automated risk check failed.'],
    [['UNSATISFACTORY_PHOTOS'], 'Photos do not meet requirements.'],
    [['DATA_MISMATCH'], 'Data could not be verified.'],
  ] as const)
  spec.vendorLabels = [...labels]
  spec.vendorComment = comment
}

