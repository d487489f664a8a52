import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readMrz } from '../../../../../src/main/analysis/mrz'
import { SPECIMEN_MRZ } from './specimen-truth'

const specimens = join(__dirname, '../../../../../resources/specimens/documents')
const fixtures = join(__dirname, '../../../../fixtures/mrz')
const now = new Date('2026-11-29T00:00:00Z')

describe('readMrz on the real specimen documents', () => {
  for (const [file, truth] of Object.entries(SPECIMEN_MRZ)) {
    it(`reads ${file} exactly, every check digit valid`, async () => {
      const reading = await readMrz(readFileSync(join(specimens, file)), undefined, now)
      expect(reading?.lines).toEqual(truth)
      expect(reading?.checks.length).toBeGreaterThanOrEqual(4)
      expect(reading?.checks.every((c) => c.valid)).toBe(true)
      // The MRZ sits in the lower part of every one of these pages.
      expect(reading!.region.y + reading!.region.h / 2).toBeGreaterThan(0.6)
    })
  }

  it('gives the Utopia passport holder as the document states her', async () => {
    const reading = await readMrz(readFileSync(join(specimens, 'passport-td3.jpg')), undefined, now)
    expect(reading?.format).toBe('TD3')
    expect(reading?.fields).toEqual({
      lastName: 'ERIKSSON',
      firstName: 'ANNA MARIA',
      documentNumber: 'L898902C3',
      dateOfBirth: '1974-08-12',
      documentExpiry: '2012-04-15',
      nationality: 'UTO',
      issuingCountry: 'UTO',
      sex: 'F',
      documentCode: 'P',
    })
  })

  it('finds the skewed MRZ of the phone photo and reports the skew', async () => {
    const reading = await readMrz(readFileSync(join(specimens, '62_pass-aus.png')), undefined, now)
    expect(reading?.rotation).toBe(0)
    expect(reading?.skewDeg).toBeLessThan(-15)
    expect(reading?.skewDeg).toBeGreaterThan(-25)
  })
})

describe('readMrz on generated OCR-B cards (TD1, issuing state D)', () => {
  const truth = JSON.parse(readFileSync(join(fixtures, 'td1-card.lines.json'), 'utf8')) as string[]
  const cases: [string, number][] = [
    ['td1-card.jpg', 0],
    ['td1-card-rot90.jpg', 90],
    ['td1-card-skew7.jpg', 0],
    ['td1-card-q50.jpg', 0],
  ]
  for (const [file, rotation] of cases) {
    it(`reads ${file}`, async () => {
      const reading = await readMrz(readFileSync(join(fixtures, file)), undefined, now)
      expect(reading?.format).toBe('TD1')
      expect(reading?.lines).toEqual(truth)
      expect(reading?.rotation).toBe(rotation)
      expect(reading?.fields).toMatchObject({ lastName: 'MUSTERMANN', firstName: 'ERIKA', issuingCountry: 'D', nationality: 'D', dateOfBirth: '1964-08-12', documentExpiry: '2031-03-31', documentCode: 'ID' })
    })
  }

  it('measures the 7 degree skew and boxes the band on the unrotated image', async () => {
    const skewed = await readMrz(readFileSync(join(fixtures, 'td1-card-skew7.jpg')), undefined, now)
    expect(skewed?.skewDeg).toBeGreaterThan(6)
    expect(skewed?.skewDeg).toBeLessThan(8)
    // Turned 90° clockwise, the card's bottom edge (and its MRZ) lies along the left of the image.
    const turned = await readMrz(readFileSync(join(fixtures, 'td1-card-rot90.jpg')), undefined, now)
    expect(turned!.region.x + turned!.region.w).toBeLessThan(0.4)
    expect(turned!.region.h).toBeGreaterThan(0.7)
  })
})

describe('readMrz on things that are not a readable document', () => {
  it('returns null for empty, truncated and non-image bytes, and for a face photo', async () => {
    const jpeg = readFileSync(join(specimens, 'passport-td3.jpg'))
    expect(await readMrz(Buffer.alloc(0))).toBeNull()
    expect(await readMrz(Buffer.from('this is not an image'))).toBeNull()
    expect(await readMrz(jpeg.subarray(0, 600))).toBeNull()
    expect(await readMrz(readFileSync(join(specimens, '../faces/group-bbt1.jpg')))).toBeNull()
  })
})
