import { describe, expect, it } from 'vitest'
import { analyseDocumentIncomplete } from '../../../../../src/main/analysis/document-incomplete'
import { FindingSchema } from '../../../../../src/shared/domain/finding'
import { makeBundle, makeContext } from '../helpers'

const form = makeBundle().form
const run = (documentType: string, documents: { file: string; side: string }[]) =>
  analyseDocumentIncomplete(makeContext(makeBundle({ documents, form: { ...form, documentType } })))

describe('DOCUMENT_INCOMPLETE', () => {
  it.each(['ID_CARD', 'RESIDENCE_PERMIT', 'DRIVING_LICENCE'])('%s with only a front (or a "single") → BACK_SIDE_MISSING', async (type) => {
    for (const side of ['front', 'single']) {
      const f = await run(type, [{ file: 'front.jpg', side }])
      expect(f).toHaveLength(1)
      expect(f[0]).toMatchObject({ cause: 'DOCUMENT_INCOMPLETE', code: 'BACK_SIDE_MISSING', severity: 'blocker', remedies: ['UPLOAD_BACK_SIDE'] })
      expect(FindingSchema.safeParse(f[0]).success).toBe(true)
    }
  })

  it('front and back of an ID card, or a passport page alone, are complete', async () => {
    expect(await run('ID_CARD', [{ file: 'f.jpg', side: 'front' }, { file: 'b.jpg', side: 'back' }])).toEqual([])
    expect(await run('PASSPORT', [{ file: 'p.jpg', side: 'single' }])).toEqual([])
    expect(await run('PASSPORT', [{ file: 'p.jpg', side: 'front' }])).toEqual([])
  })

  it('no document at all → NO_DOCUMENT, whatever the type', async () => {
    for (const type of ['PASSPORT', 'ID_CARD']) {
      const f = await run(type, [])
      expect(f.map((x) => x.code)).toEqual(['NO_DOCUMENT'])
      expect(f[0].remedies).toEqual(['UPLOAD_DOCUMENT'])
    }
  })
})
