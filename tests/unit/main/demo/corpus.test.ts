import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import exifr from 'exifr'
import { parse } from 'mrz'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CAUSES } from '../../../../src/shared/domain/causes'
import { CaseBundleSchema, type CaseBundle } from '../../../../src/shared/domain/case-bundle'
import { writeDemoCorpus, type DemoSummary } from '../../../../src/main/demo'
import { planCorpus } from '../../../../src/main/demo/plan'
import { Rng } from '../../../../src/main/demo/prng'
import { nameKey } from '../../../../src/shared/domain/name-key'

const NOW = new Date('2026-11-29T10:00:00Z')
const COUNT = 30

interface Loaded {
  folder: string
  raw: Buffer
  bundle: CaseBundle & { demo: { scenario: string[]; params: Record<string, Record<string, unknown>> } }
  files: Map<string, Buffer>
}

async function load(dir: string): Promise<Loaded[]> {
  const out: Loaded[] = []
  for (const folder of (await readdir(dir)).sort()) {
    const raw = await readFile(join(dir, folder, 'case.json'))
    const bundle = JSON.parse(raw.toString('utf8'))
    const files = new Map<string, Buffer>()
    for (const name of await readdir(join(dir, folder))) files.set(name, await readFile(join(dir, folder, name)))
    out.push({ folder, raw, bundle, files })
  }
  return out
}

let dirA: string
let dirB: string
let summary: DemoSummary
let cases: Loaded[]
let again: Loaded[]

beforeAll(async () => {
  dirA = await mkdtemp(join(tmpdir(), 'kyc-demo-a-'))
  dirB = await mkdtemp(join(tmpdir(), 'kyc-demo-b-'))
  ;[summary] = await Promise.all([writeDemoCorpus(dirA, { count: COUNT, seed: 7, now: NOW }), writeDemoCorpus(dirB, { count: COUNT, seed: 7, now: NOW })])
  cases = await load(dirA)
  again = await load(dirB)
}, 120_000)

afterAll(async () => {
  await rm(dirA, { recursive: true, force: true })
  await rm(dirB, { recursive: true, force: true })
})

const withCause = (cause: string) => cases.filter((c) => c.bundle.expected?.causes.includes(cause))

describe('demo corpus', () => {
  it('writes the requested number of bundles, each parsing as kyc-case/1 with its files present', () => {
    expect(summary.written).toBe(COUNT)
    expect(cases).toHaveLength(COUNT)
    for (const c of cases) {
      const parsed = CaseBundleSchema.safeParse(c.bundle)
      expect(parsed.success, `${c.folder}: ${parsed.error?.message}`).toBe(true)
      expect(c.folder).toBe(`${c.bundle.caseId}-a${c.bundle.attempt}`)
      expect(c.bundle.caseId).toMatch(/^BN-2026-\d{6}$/)
      for (const f of [...c.bundle.documents, ...c.bundle.selfies]) expect(c.files.has(f.file), `${c.folder}/${f.file}`).toBe(true)
    }
  })

  it('covers every cause at least twice and has clean cases the vendor failed anyway', () => {
    for (const cause of CAUSES) expect(withCause(cause).length, cause).toBeGreaterThanOrEqual(2)
    const clean = cases.filter((c) => c.bundle.expected?.causes.length === 0)
    expect(clean.length).toBeGreaterThanOrEqual(3)
    for (const c of clean) expect(c.bundle.vendor?.decision).toBe('RED')
    expect(summary.byCause.NONE).toBe(clean.length)
  })

  it('is deterministic: same seed, same case.json bytes and same image bytes', () => {
    expect(again.map((c) => c.folder)).toEqual(cases.map((c) => c.folder))
    const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex')
    for (let i = 0; i < cases.length; i++) {
      expect(hash(again[i].raw), cases[i].folder).toBe(hash(cases[i].raw))
      for (const [name, bytes] of cases[i].files) expect(hash(again[i].files.get(name)!), `${cases[i].folder}/${name}`).toBe(hash(bytes))
    }
  })

  it('gives a different corpus for a different seed', async () => {
    const plan = (seed: number) => planCorpus(60, new Rng(seed)).slots.map((s) => JSON.stringify(s)).join()
    expect(plan(1)).not.toBe(plan(2))
  })

  it('prints MRZs whose check digits are all valid, on documents that are not expired unless labelled so', () => {
    let checked = 0
    for (const c of cases) {
      const mrz = c.bundle.vendor?.extracted?.mrz
      if (!mrz) continue
      const details = parse(mrz).details.filter((d) => /CheckDigit$/.test(d.field ?? ''))
      expect(details.every((d) => d.valid), `${c.folder}: ${mrz.join(' / ')}`).toBe(true)
      checked++
      const expiry = c.bundle.vendor!.extracted!.documentExpiry!
      const daysLeft = (Date.parse(expiry) - Date.parse(c.bundle.submittedAt)) / 86_400_000
      if (!c.bundle.expected!.causes.includes('DOCUMENT_EXPIRED')) expect(daysLeft, c.folder).toBeGreaterThan(30)
      else expect(daysLeft, c.folder).toBeLessThan(30)
    }
    expect(checked).toBeGreaterThanOrEqual(15)
  })

  it('makes selfies of 1280x720 (or portrait 720x1280), and 640x480 with a matching camera when the camera is the problem', async () => {
    for (const c of cases) {
      const meta = await sharp(c.files.get('selfie.jpg')!).metadata()
      const size = `${meta.width}x${meta.height}`
      if (c.bundle.device?.camera?.width === 640) expect(size).toBe('640x480')
      else expect(['1280x720', '720x1280']).toContain(size)
      expect(meta.format).toBe('jpeg')
    }
  })

  it('breaks files the way the label says', async () => {
    for (const c of withCause('DOCUMENT_FILE_INVALID')) {
      const doc = c.files.get(c.bundle.documents[0].file)!
      const kind = c.bundle.demo.scenario.join(' ')
      if (/TRUNCATED/.test(kind)) expect(doc.subarray(-2).equals(Buffer.from([0xff, 0xd9]))).toBe(false)
      else if (/ZERO_BYTES/.test(kind)) expect(doc.length).toBe(0)
      else if (/PDF_AS_JPG/.test(kind)) expect(doc.subarray(0, 5).toString()).toBe('%PDF-')
      else if (/TEXT_AS_JPG/.test(kind)) expect(doc[0]).not.toBe(0xff)
      else if (/EDITED/.test(kind)) expect(String((await exifr.parse(doc, ['Software']))?.Software)).toMatch(/Photoshop/)
    }
  })

  it('labels the later of two accounts submitting the same document number', () => {
    const dups = withCause('DUPLICATE_IDENTITY')
    expect(dups.length).toBeGreaterThanOrEqual(2)
    for (const d of dups) {
      const earlier = cases.filter((c) => c.bundle.form.documentNumber === d.bundle.form.documentNumber && c.bundle.applicant.accountId !== d.bundle.applicant.accountId)
      expect(earlier.length, d.folder).toBe(1)
      expect(Date.parse(earlier[0].bundle.submittedAt)).toBeLessThan(Date.parse(d.bundle.submittedAt))
      expect(earlier[0].bundle.expected!.causes).not.toContain('DUPLICATE_IDENTITY')
    }
    // Nobody else shares a document number across accounts.
    const byNumber = new Map<string, Set<string>>()
    for (const c of cases) {
      const set = byNumber.get(c.bundle.form.documentNumber) ?? new Set()
      set.add(c.bundle.applicant.accountId)
      byNumber.set(c.bundle.form.documentNumber, set)
    }
    expect([...byNumber.values()].filter((s) => s.size > 1)).toHaveLength(dups.length)
  })

  it('never gives one face and one name or birth date to two accounts, unless labelled a duplicate', () => {
    // Four faces serve every identity, so an unlabelled pair would be a duplicate nobody meant.
    const seen = new Map<string, Loaded>()
    let checked = 0
    for (const c of [...cases].sort((a, b) => Date.parse(a.bundle.submittedAt) - Date.parse(b.bundle.submittedAt))) {
      const face = String(c.bundle.demo.params.selfie.person)
      const form = c.bundle.form
      for (const key of [`${face}|${nameKey(form.firstName, form.lastName)}`, `${face}|${form.dateOfBirth}`]) {
        const earlier = seen.get(key)
        if (earlier && earlier.bundle.applicant.accountId !== c.bundle.applicant.accountId) {
          expect(c.bundle.expected!.causes, `${c.folder} shares ${key} with ${earlier.folder}`).toContain('DUPLICATE_IDENTITY')
          checked++
        }
        if (!earlier) seen.set(key, c)
      }
    }
    expect(checked).toBeGreaterThan(0) // the labelled duplicates themselves share both
  })

  it('keeps the clean parts clean: modern clients, 2FA, one country, complete uploads', () => {
    for (const c of cases.filter((x) => x.bundle.expected!.causes.length === 0)) {
      const b = c.bundle
      expect(b.account!.twoFactorEnabled).toBe(true)
      expect(new Set(b.account!.logins!.map((l) => l.country)).size).toBe(1)
      expect(b.account!.logins!.every((l) => l.success)).toBe(true)
      expect(b.uploads!.every((u) => u.httpStatus === 200 && u.bytesSent === u.bytesTotal)).toBe(true)
      expect(b.device!.userAgent).not.toMatch(/Chrome\/(6|7)\d\.|Trident|OS 12_|Android 7/)
      expect(b.device!.clientVersion!.localeCompare('2.30.0', 'en', { numeric: true })).toBeGreaterThanOrEqual(0)
      for (const l of b.account!.logins!) expect(l.ip).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\./)
      expect(b.applicant.email).toMatch(/@example\.(com|org)$/)
    }
  })

  it('marks the backlog cases pending, submitted days ago', () => {
    for (const c of withCause('REVIEW_BACKLOG')) {
      expect(c.bundle.status).toBe('pending')
      expect((NOW.getTime() - Date.parse(c.bundle.submittedAt)) / 86_400_000).toBeGreaterThan(3)
      expect(c.bundle.expected!.causes).toEqual(['REVIEW_BACKLOG'])
    }
  })

  it('plans second attempts of the same case and two-cause combinations in a corpus of 60', () => {
    const { slots } = planCorpus(60, new Rng(20261129))
    expect(slots).toHaveLength(60)
    expect(slots.filter((s) => s.kind === 'attempt2').length).toBeGreaterThanOrEqual(2)
    expect(slots.filter((s) => s.kind === 'problem' && s.variants.length === 2).length).toBeGreaterThanOrEqual(3)
    expect(slots.filter((s) => s.kind === 'clean').length).toBe(9)
  })
})
