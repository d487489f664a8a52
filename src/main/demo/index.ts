import { mkdir } from 'node:fs/promises'
import { buildCase } from './build-case'
import { planCorpus, type Slot, type VariantId } from './plan'
import { Rng } from './prng'
import { applyVariant, baseSpec, isoDate, needsIdCard, typedFromTruth, unique, vendorFalsePositive, type CaseSpec, type Registry } from './scenarios'
import { CULTURES, emailLocalPart } from './people'

/**
 * `kyc-desk demo`: a labelled corpus of realistic failed verifications, one folder per bundle
 * (`<caseId>-a<attempt>/case.json` + images), covering every cause. Deterministic for a seed:
 * the only clock read is `now` (default: the current time, so case ages look current).
 */

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

export interface DemoOptions {
  count: number
  seed: number
  now?: Date
}

export interface DemoSummary {
  written: number
  /** Bundles per expected cause; `NONE` counts the bundles with no cause. */
  byCause: Record<string, number>
}

function clone(spec: CaseSpec): CaseSpec {
  return {
    ...spec,
    truth: { ...spec.truth },
    typed: { ...spec.typed },
    address: { ...spec.address },
    vendorLabels: [],
    expected: [],
    scenario: [],
  }
}

/** Makes every bundle's description first (cheap), so cross-case links resolve before rendering. */
function describeCases(slots: Slot[], rng: Rng, reg: Registry, now: number): CaseSpec[] {
  const specs: CaseSpec[] = new Array(slots.length)
  const olderNeeded = new Set(slots.flatMap((s) => (s.kind === 'attempt2' ? [s.of] : s.kind === 'duplicate' ? [s.host] : [])))
  const recent = (r: Rng) => now - r.int(20, 72 * 60) * MIN
  const order = slots.map((_, i) => i).sort((a, b) => Number(slots[a].kind === 'attempt2' || slots[a].kind === 'duplicate') - Number(slots[b].kind === 'attempt2' || slots[b].kind === 'duplicate') || a - b)
  for (const i of order) {
    const slot = slots[i]
    const r = rng.fork(`slot-${i}`)
    if (slot.kind === 'clean' || slot.kind === 'problem') {
      const variants: VariantId[] = slot.kind === 'problem' ? slot.variants : []
      const backlog = variants.includes('REVIEW_BACKLOG/PENDING_OVER_SLA')
      const submittedAt = backlog ? now - r.int(4 * 24, 11 * 24) * HOUR - r.int(0, 59) * MIN : olderNeeded.has(i) ? now - r.int(50, 120) * HOUR : recent(r)
      const spec = baseSpec(r, reg, submittedAt, { needIdCard: needsIdCard(variants) })
      for (const v of variants) applyVariant(spec, v, r, reg)
      if (slot.kind === 'clean') vendorFalsePositive(spec, r)
      specs[i] = spec
    } else if (slot.kind === 'attempt2') {
      const first = specs[slot.of]
      const spec = clone(first)
      spec.attempt = 2
      // Fixed: a new photo session, the typed data corrected, and for an expired document a new one.
      spec.truth = { ...first.truth }
      if (first.expected.includes('DOCUMENT_EXPIRED')) {
        reg.documentNumbers.add(first.truth.documentNumber)
        spec.truth.documentNumber = unique(reg.documentNumbers, () => first.culture.passportNumber(r))
        spec.truth.documentExpiry = isoDate(first.submittedAt + r.int(360, 3650) * DAY)
        const [y, m, d] = spec.truth.documentExpiry.split('-')
        spec.truth.issuedOn = `${Number(y) - 10}-${m}-${d}`
      }
      spec.typed = typedFromTruth(spec.truth, r)
      if (first.typed.nationality !== spec.typed.nationality) spec.residenceCountry = first.residenceCountry
      spec.docQuality = undefined
      spec.fileProblem = undefined
      spec.documents = 'all'
      spec.selfieKind = 'good'
      spec.selfiePerson = first.person
      spec.selfieOther = undefined
      spec.uploadTrouble = 'NONE'
      spec.connection = 'wifi'
      ;[spec.docPhoto, spec.selfiePhoto] = r.shuffle([1, 2, 3, 4, 5])
      spec.scenario = [`FIXED (attempt 1: ${first.scenario.join(', ')})`]
      if (r.chance(0.5)) {
        spec.status = 'pending'
        spec.submittedAt = now - r.int(60, 8 * 60) * MIN
      } else {
        spec.status = 'failed'
        spec.submittedAt = Math.min(now - 30 * MIN, first.submittedAt + r.int(6, 40) * HOUR)
        vendorFalsePositive(spec, r)
      }
      specs[i] = spec
    } else {
      const host = specs[slot.host]
      const spec = clone(host)
      spec.caseId = unique(reg.caseIds, () => `BN-${reg.year}-${String(r.int(1, 999999)).padStart(6, '0')}`)
      spec.accountId = unique(reg.accountIds, () => `u_${r.int(10000, 999999)}`)
      spec.email = `${emailLocalPart(r, spec.truth)}${r.int(2, 9)}@${r.chance(0.5) ? 'example.org' : 'example.com'}`
      const culture = CULTURES[host.culture.key]
      if (culture.phone) spec.phone = culture.phone(r)
      spec.accountCreatedAt = now - r.int(3, 40) * DAY
      spec.homeDevice = `d-${r.letters(4, '0123456789abcdef')}`
      spec.status = 'failed'
      spec.selfieKind = 'good'
      spec.selfiePerson = host.person
      spec.selfieOther = undefined
      spec.uploadTrouble = 'NONE'
      ;[spec.docPhoto, spec.selfiePhoto] = r.shuffle([1, 2, 3, 4, 5])
      spec.submittedAt = now - r.int(3 * 60, 40 * 60) * MIN
      spec.typed = typedFromTruth(spec.truth, r)
      applyVariant(spec, 'DUPLICATE_IDENTITY/SAME_DOCUMENT_NUMBER', r, reg)
      specs[i] = spec
    }
  }
  return specs
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    for (;;) {
      const i = next++
      if (i >= items.length) return
      out[i] = await fn(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

export async function writeDemoCorpus(outDir: string, opts: DemoOptions): Promise<DemoSummary> {
  const now = (opts.now ?? new Date()).getTime()
  const rng = new Rng(opts.seed >>> 0)
  const plan = planCorpus(opts.count, rng.fork('plan'))
  const reg: Registry = { caseIds: new Set(), accountIds: new Set(), documentNumbers: new Set(), faceIdentities: new Set(), year: new Date(now).getUTCFullYear() }
  const specs = describeCases(plan.slots, rng.fork('cases'), reg, now)
  await mkdir(outDir, { recursive: true })
  // Three cases in flight keep both cores busy (sharp works off the main thread).
  await mapLimit(specs, 3, (spec, i) => buildCase(spec, outDir, opts.seed, rng.fork(`render-${i}`)))
  const byCause: Record<string, number> = {}
  for (const spec of specs) {
    if (spec.expected.length === 0) byCause.NONE = (byCause.NONE ?? 0) + 1
    for (const c of spec.expected) byCause[c] = (byCause[c] ?? 0) + 1
  }
  return { written: specs.length, byCause }
}

