import { describe, expect, it } from 'vitest'
import { analyseDocumentQuality } from '../../../../../src/main/analysis/document-quality'
import type { Finding } from '../../../../../src/shared/domain/finding'
import { FindingSchema } from '../../../../../src/shared/domain/finding'
import { bundleFiles, makeBundle, makeContext } from '../helpers'
import { degrade, specimen, SPECIMEN_FILES } from './degrade'

async function analyse(bytes: Buffer): Promise<Finding[]> {
  const bundle = makeBundle({ documents: [{ file: 'doc.jpg', side: 'single' }], form: { ...makeBundle().form, documentType: 'PASSPORT' } })
  return analyseDocumentQuality(makeContext(bundle, { files: bundleFiles(bundle, { 'doc.jpg': bytes }) }))
}
const codes = (fs: Finding[]) => fs.map((f) => f.code)

/** White-paper specimens: glare there shows only as faded ink (a known limit, see the docs). */
const COLOURED = ['100_id-rou.jpg', '100_pass-chn.jpg', '100_pass-cze.jpg', '100_pass-hrv.jpg', '62_pass-aus.png']
/** Specimens where a side cut is measurable (the others are scanned tight with print at every edge). */
const CLEAN_MARGINS = ['100_pass-chn.jpg', '100_pass-cze.jpg', '100_pass-hrv.jpg', '100_pass-uto.jpg', 'passport-td2.jpg', 'passport-td3.jpg']

describe('DOCUMENT_QUALITY on pristine specimens', () => {
  it.each(SPECIMEN_FILES)('%s: no finding at all', async (file) => {
    expect(codes(await analyse(specimen(file)))).toEqual([])
  })
})

const CASES: [string, string, string[]][] = [
  ['blurSigma3', 'BLURRY', SPECIMEN_FILES],
  ['defocusPercent', 'BLURRY', SPECIMEN_FILES],
  ['motionBlur', 'BLURRY', SPECIMEN_FILES],
  ['dark', 'TOO_DARK', SPECIMEN_FILES],
  ['overexposed', 'OVEREXPOSED', SPECIMEN_FILES.filter((f) => f !== '62_pass-aus.png')],
  ['lowResolution', 'LOW_RESOLUTION', SPECIMEN_FILES],
  ['greyscale', 'BLACK_AND_WHITE', SPECIMEN_FILES],
  ['photocopy', 'BLACK_AND_WHITE', SPECIMEN_FILES],
  ['glare', 'GLARE', COLOURED],
  ['cropRight', 'CROPPED', CLEAN_MARGINS],
  // 100_pass-hrv: its hologram pattern already runs off the left edge of the pristine scan.
  ['cropLeft', 'CROPPED', CLEAN_MARGINS.filter((f) => f !== '100_pass-hrv.jpg')],
]

describe('DOCUMENT_QUALITY on degraded specimens', () => {
  for (const [kind, code, files] of CASES) {
    it(`${kind} → ${code} on ${files.length} specimens, as a blocker with evidence and thresholds`, async () => {
      for (const file of files) {
        const findings = await analyse(await degrade[kind](specimen(file)))
        const hit = findings.find((f) => f.code === code)
        expect(hit, `${file} ${kind}: got ${codes(findings).join(',') || 'nothing'}`).toBeDefined()
        expect(FindingSchema.safeParse(hit).success).toBe(true)
        expect(hit!.severity).toBe('blocker')
        expect(hit!.artifact).toBe('doc.jpg')
        expect(Object.keys(hit!.evidence).length).toBeGreaterThanOrEqual(2)
        expect(hit!.explanation['zh-CN']).toMatch(/[\u4e00-\u9fff]/)
        // Only quality findings, never another cause.
        expect(findings.every((f) => f.cause === 'DOCUMENT_QUALITY')).toBe(true)
      }
    })
  }

  it('reports where the glare is and which edge is cut', async () => {
    const glare = (await analyse(await degrade.glare(specimen('100_pass-cze.jpg')))).find((f) => f.code === 'GLARE')!
    // The ellipse is centred at 55% / 50% of the frame.
    expect(glare.region!.x).toBeLessThan(0.55)
    expect(glare.region!.x + glare.region!.w).toBeGreaterThan(0.55)
    expect(glare.region!.y).toBeLessThan(0.5)
    expect(glare.region!.y + glare.region!.h).toBeGreaterThan(0.5)
    const crop = (await analyse(await degrade.cropRight(specimen('passport-td3.jpg')))).find((f) => f.code === 'CROPPED')!
    expect(crop.evidence.cutSides).toEqual(['right'])
    expect(crop.region!.x).toBeGreaterThan(0.9)
  })

  it('is more confident the further past the threshold', async () => {
    const mild = (await analyse(await degrade.blurSigma3(specimen('passport-td3.jpg')))).find((f) => f.code === 'BLURRY')!
    const strong = (await analyse(await degrade.defocusPercent(specimen('100_pass-chn.jpg')))).find((f) => f.code === 'BLURRY')!
    expect(strong.confidence).toBeGreaterThan(mild.confidence)
  })

  it('leaves broken files to DOCUMENT_FILE_INVALID', async () => {
    const b = specimen('passport-td3.jpg')
    expect(await analyse(b.subarray(0, b.length / 2))).toEqual([])
  })
})
