import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { LINE_HEIGHT, recogniseLine } from '../../../../src/main/analysis/mrz/recogniser'
import { renderDocumentFront, type PrintedData } from '../../../../src/main/demo/document-render'
import { mrzLines } from '../../../../src/main/demo/mrz-writer'
import { Rng } from '../../../../src/main/demo/prng'
import { specimenPixels, specimens, type Box, type RawImage } from '../../../../src/main/demo/specimens'

/** Reads a printed field (its box, a little wider) with the MRZ line recogniser: letters and digits only. */
async function readField(img: RawImage, box: Box): Promise<string> {
  const pad = box.h * img.height * 0.6
  const left = Math.max(0, Math.round(box.x * img.width - pad))
  const top = Math.max(0, Math.round(box.y * img.height - pad / 2))
  const width = Math.min(img.width - left, Math.round(box.w * img.width * 1.8 + 2 * pad))
  const height = Math.min(img.height - top, Math.round(box.h * img.height + pad))
  const { data, info } = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
    .extract({ left, top, width, height })
    .greyscale()
    .resize({ height: LINE_HEIGHT })
    .raw()
    .toBuffer({ resolveWithObject: true })
  return (await recogniseLine({ data: new Uint8Array(data), width: info.width, height: info.height })).text.replace(/</g, '')
}

const person: PrintedData = { lastName: 'Nakamura', firstName: 'Hiroshi', documentNumber: 'TK4471920' }
const expected: Record<string, string> = {
  lastName: 'NAKAMURA',
  firstName: 'HIROSHI',
  fullName: 'NAKAMURAHIROSHI',
  documentNumber: 'TK4471920',
  documentSeries: 'TK',
  documentSerial: '4471920',
}

describe('the demo document shows the person in its printed fields, not the specimen holder', () => {
  for (const sp of specimens().filter((s) => s.printed?.length)) {
    it(`${sp.file}: name and number fields read as the person's`, async () => {
      const mrz = mrzLines(sp.layout, { documentCode: sp.documentCode, issuingState: 'UTO', lastName: person.lastName, firstName: person.firstName, documentNumber: person.documentNumber, nationality: 'UTO', dateOfBirth: '1980-05-06', documentExpiry: '2030-01-02', sex: 'M' })
      const img = await renderDocumentFront(sp, mrz, { person: 'howard', photo: 2 }, new Rng(`render:${sp.file}`), person)
      const original = await specimenPixels(sp.file)
      for (const field of sp.printed!.filter((f) => f.field !== 'nativeName')) {
        const before = await readField(original, field.box)
        const after = await readField(img, field.box)
        expect(after, `${field.field} (the specimen read ${before})`).toContain(expected[field.field])
        expect(before).not.toContain(expected[field.field])
      }
    }, 30_000)
  }
})
