import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { analyseDocumentFiles } from '../../../../../src/main/analysis/document-file'
import { analyseDocumentQuality } from '../../../../../src/main/analysis/document-quality'
import { editorIn } from '../../../../../src/main/analysis/document-file/editing-software'
import { FindingSchema, type Finding } from '../../../../../src/shared/domain/finding'
import { bundleFiles, makeBundle, makeContext, testSettings } from '../helpers'

const SPECIMENS = join(__dirname, '../../../../../resources/specimens/documents')
const original = readFileSync(join(SPECIMENS, 'passport-td3.jpg'))
/** The specimen's pixels re-encoded without metadata, as a camera app would save them (the published file was saved by Paint.NET). */
let td3: Buffer
const passport = () => makeBundle({ documents: [{ file: 'passport.jpg', side: 'single' }], form: { ...makeBundle().form, documentType: 'PASSPORT' } })

async function run(bytes: Buffer | null, selfie: Buffer | null | undefined = undefined, settings = testSettings()): Promise<Finding[]> {
  const bundle = passport()
  const ctx = makeContext(bundle, { files: bundleFiles(bundle, { 'passport.jpg': bytes, 'selfie.jpg': selfie === undefined ? td3 : selfie }), settings })
  const findings = await analyseDocumentFiles(ctx)
  for (const f of findings) expect(FindingSchema.safeParse(f).success).toBe(true)
  return findings
}
const docCodes = (fs: Finding[]) => fs.filter((f) => f.artifact === 'passport.jpg').map((f) => f.code)

describe('DOCUMENT_FILE_INVALID', () => {
  beforeAll(async () => {
    td3 = await sharp(original).jpeg({ quality: 90 }).toBuffer()
  })

  it('EDITED on the published specimen files themselves: they were saved by Paint.NET / Photoshop', async () => {
    expect((await run(original))[0]).toMatchObject({ code: 'EDITED', evidence: { editor: 'Paint.NET' } })
    expect((await run(readFileSync(join(SPECIMENS, '100_pass-chn.jpg'))))[0]).toMatchObject({ code: 'EDITED', evidence: { editor: 'Adobe Photoshop' } })
    expect(await run(readFileSync(join(SPECIMENS, '100_pass-hrv.jpg')))).toEqual([])
  })

  it('finds nothing wrong with a specimen photo, with or without phone EXIF', async () => {
    expect(await run(td3)).toEqual([])
    const phone = await sharp(td3).withExif({ IFD0: { Make: 'Apple', Model: 'iPhone 14', Software: '17.6.1' } }).jpeg().toBuffer()
    expect(await run(phone)).toEqual([])
  })

  it('TRUNCATED: an upload cut at 35-70 %', async () => {
    for (const keep of [0.35, 0.5, 0.7]) {
      const f = await run(td3.subarray(0, Math.round(td3.length * keep)))
      expect(docCodes(f)).toEqual(['TRUNCATED'])
      expect(f[0].evidence.bytes).toBe(Math.round(td3.length * keep))
    }
  })

  it('UNSUPPORTED_FORMAT: a PDF, a GIF, an HTML page and a data URL saved as .jpg', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), td3, Buffer.from('\n%%EOF\n')])
    const gif = await sharp(td3).resize(200).gif().toBuffer()
    const html = Buffer.from('<!DOCTYPE html>\n<html><head><title>403 Forbidden</title></head><body>403</body></html>')
    const dataUrl = Buffer.from(`data:image/jpeg;base64,${td3.subarray(0, 3000).toString('base64')}`)
    expect((await run(pdf))[0]).toMatchObject({ code: 'UNSUPPORTED_FORMAT', evidence: { detectedFormat: 'pdf' } })
    expect((await run(gif))[0]).toMatchObject({ code: 'UNSUPPORTED_FORMAT', evidence: { detectedFormat: 'gif' } })
    expect((await run(html))[0]).toMatchObject({ code: 'UNSUPPORTED_FORMAT', evidence: { looksLikeText: true } })
    expect((await run(dataUrl))[0]).toMatchObject({ code: 'UNSUPPORTED_FORMAT', evidence: { looksLikeText: true } })
  })

  it('TOO_SMALL: an empty file and a thumbnail; quality checks skip them', async () => {
    expect(docCodes(await run(Buffer.alloc(0)))).toEqual(['TOO_SMALL'])
    const thumb = await sharp(td3).resize(120).jpeg().toBuffer()
    expect(docCodes(await run(thumb))).toEqual(['TOO_SMALL'])
    const bundle = passport()
    const ctx = makeContext(bundle, { files: bundleFiles(bundle, { 'passport.jpg': thumb }) })
    expect(await analyseDocumentQuality(ctx)).toEqual([])
  })

  it('TOO_LARGE: by bytes and by declared pixels (settings)', async () => {
    const s = structuredClone(testSettings())
    s.documentFile.maxBytes.value = 100_000
    expect(docCodes(await run(td3, td3, s))).toContain('TOO_LARGE')
    const s2 = structuredClone(testSettings())
    s2.documentFile.maxPixels.value = 1_000_000
    const f = await run(td3, td3, s2)
    expect(f.find((x) => x.artifact === 'passport.jpg')).toMatchObject({ code: 'TOO_LARGE', evidence: { width: 1334, height: 880 } })
  })

  it('EDITED: Photoshop, GIMP or Snapseed named in the metadata', async () => {
    for (const software of ['Adobe Photoshop 25.4 (Windows)', 'GIMP 2.10.36', 'Snapseed 2.0']) {
      const edited = await sharp(td3).withExif({ IFD0: { Software: software } }).jpeg().toBuffer()
      const f = await run(edited)
      expect(f).toHaveLength(1)
      expect(f[0].code).toBe('EDITED')
      expect(String(f[0].evidence.software)).toContain(software.split(' ')[0])
    }
    expect(editorIn('美图秀秀')).toBe('Meitu')
    expect(editorIn('MIUI 14')).toBeNull()
    expect(editorIn('HDR+ 1.0.641377693zd')).toBeNull()
  })

  it('MISSING_FILE: a document named in case.json without bytes', async () => {
    expect((await run(null))[0]).toMatchObject({ code: 'MISSING_FILE', artifact: 'passport.jpg', severity: 'blocker' })
  })

  it('selfies: a broken selfie file is reported with the selfie as artifact; a missing one is left to the face checks', async () => {
    const broken = await run(td3, td3.subarray(0, td3.length / 2))
    expect(broken).toHaveLength(1)
    expect(broken[0]).toMatchObject({ code: 'TRUNCATED', artifact: 'selfie.jpg', evidence: { role: 'selfie' } })
    expect(broken[0].remedies).toContain('RETAKE_SELFIE')
    expect(await run(td3, null)).toEqual([])
  })
})
