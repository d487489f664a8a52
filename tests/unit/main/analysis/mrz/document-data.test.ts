import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { getDocumentData } from '../../../../../src/main/analysis/document-data'
import { loadAnalysisSettings } from '../../../../../src/main/analysis/settings'
import type { AnalysisContext, BundleFile } from '../../../../../src/main/analysis/types'
import type { CaseBundle } from '../../../../../src/shared/domain/case-bundle'

const fixtures = join(__dirname, '../../../../fixtures/mrz')
const settings = loadAnalysisSettings()

function context(files: BundleFile[], vendor?: CaseBundle['vendor']): AnalysisContext {
  const memo = new Map<string, Promise<unknown>>()
  return {
    bundle: { vendor } as CaseBundle,
    files,
    settings,
    now: new Date('2026-11-29T00:00:00Z'),
    fact<T>(key: string, compute: () => Promise<T>): Promise<T> {
      if (!memo.has(key)) memo.set(key, compute())
      return memo.get(key) as Promise<T>
    },
  }
}

const card = readFileSync(join(fixtures, 'td1-card-q50.jpg'))
const vendorLines = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10']

describe('getDocumentData', () => {
  it('reads the MRZ from the back of an ID card when the front has none, skipping broken files', async () => {
    const ctx = context(
      [
        { name: 'back.jpg', role: 'document', side: 'back', bytes: card },
        { name: 'front.jpg', role: 'document', side: 'front', bytes: card.subarray(0, 300) },
        { name: 'gone.jpg', role: 'document', side: 'single', bytes: null },
        { name: 'selfie.jpg', role: 'selfie', bytes: card },
      ],
      { name: 'v', decision: 'RED', extracted: { lastName: 'SOMEONE', mrz: vendorLines } },
    )
    const data = await getDocumentData(ctx)
    expect(data.source).toBe('mrz')
    expect(data.artifact).toBe('back.jpg')
    expect(data.mrzFormat).toBe('TD1')
    expect(data.fields.lastName).toBe('MUSTERMANN')
    expect(data.mrz).toHaveLength(3)
    expect(data.mrzRegion!.y).toBeGreaterThan(0.6)
    expect(data.checks?.every((c) => c.valid)).toBe(true)
    // Memoised: the second call is the same promise's value.
    expect(await getDocumentData(ctx)).toBe(data)
  })

  it('falls back to the vendor, filling its missing fields from its MRZ lines', async () => {
    const ctx = context([{ name: 'broken.jpg', role: 'document', side: 'single', bytes: Buffer.from('not an image') }], {
      name: 'v',
      decision: 'RED',
      extracted: { lastName: 'ERIKSON', mrz: vendorLines },
    })
    const data = await getDocumentData(ctx)
    expect(data.source).toBe('vendor')
    expect(data.mrz).toEqual(vendorLines)
    expect(data.fields.lastName).toBe('ERIKSON') // the vendor's own field wins
    expect(data.fields.documentNumber).toBe('L898902C3')
    expect(data.fields.dateOfBirth).toBe('1974-08-12')
  })

  it('says none when there is neither an MRZ nor a vendor extraction', async () => {
    const data = await getDocumentData(context([{ name: 'missing.jpg', role: 'document', side: 'front', bytes: null }]))
    expect(data).toEqual({ source: 'none', mrz: null, fields: {} })
  })
})
