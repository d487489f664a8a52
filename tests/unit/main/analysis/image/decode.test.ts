import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { decodeImage } from '../../../../../src/main/analysis/image/decode'
import { jpegHasEndMarker } from '../../../../../src/main/analysis/image/end-marker'

const SPECIMENS = join(__dirname, '../../../../../resources/specimens/documents')
const opts = { limitInputPixels: 100_000_000, workingLongSide: 1024 }
const td3 = readFileSync(join(SPECIMENS, 'passport-td3.jpg'))

describe('decodeImage', () => {
  it('decodes a specimen to a working-size copy no longer than the setting, never enlarged', async () => {
    const big = await decodeImage(td3, opts)
    expect(big.ok).toBe(true)
    if (!big.ok) return
    expect([big.image.width, big.image.height]).toEqual([1334, 880])
    expect(big.image.grey.width).toBe(1024)
    expect(big.image.rgb.data.length).toBe(big.image.grey.width * big.image.grey.height * 3)
    expect(big.image.scale).toBeCloseTo(1334 / 1024, 2)
    const small = await decodeImage(readFileSync(join(SPECIMENS, '100_pass-chn.jpg')), opts)
    expect(small.ok && small.image.grey.width).toBe(500)
    const full = big.ok ? await big.image.fullGrey() : null
    expect(full?.width).toBe(1334)
  })

  it('reports a JPEG cut in half as truncated instead of decoding grey padding', async () => {
    const r = await decodeImage(td3.subarray(0, Math.round(td3.length * 0.5)), opts)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.failure.kind).toBe('truncated')
  })

  it('accepts bytes after the end marker (phones append trailers)', async () => {
    const r = await decodeImage(Buffer.concat([td3, Buffer.from('TRAILER-DATA')]), opts)
    expect(r.ok).toBe(true)
  })

  it('says empty, unsupported and too-large precisely', async () => {
    const empty = await decodeImage(Buffer.alloc(0), opts)
    expect(!empty.ok && empty.failure.kind).toBe('empty')
    const text = await decodeImage(Buffer.from('<!DOCTYPE html><html>403 Forbidden</html>'), opts)
    expect(!text.ok && text.failure.kind).toBe('unsupported')
    const pdf = await decodeImage(Buffer.from('%PDF-1.4\n1 0 obj\n'), opts)
    expect(!pdf.ok && pdf.failure).toMatchObject({ kind: 'unsupported', format: 'pdf' })
    const bomb = await decodeImage(td3, { ...opts, limitInputPixels: 1_000_000 })
    expect(!bomb.ok && bomb.failure).toMatchObject({ kind: 'too-large', width: 1334, height: 880 })
  })

  it('reports damaged image data as corrupt', async () => {
    const damaged = Buffer.from(td3)
    // Overwrite the quantisation and huffman tables region with garbage, keep SOI and EOI.
    damaged.fill(0x00, 200, 900)
    const r = await decodeImage(damaged, opts)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(['corrupt', 'truncated']).toContain(r.failure.kind)
  })

  it('applies EXIF orientation: a landscape sensor image tagged "rotate 90" comes out portrait', async () => {
    const jpeg = await sharp({ create: { width: 300, height: 100, channels: 3, background: '#c08040' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer()
    const r = await decodeImage(jpeg, opts)
    expect(r.ok && [r.image.width, r.image.height, r.image.grey.width, r.image.grey.height]).toEqual([100, 300, 100, 300])
    expect(r.ok && r.image.orientation).toBe(6)
  })

  it('measures colour: a greyscale copy has no chroma, the colour original has', async () => {
    const colour = await decodeImage(readFileSync(join(SPECIMENS, '100_pass-cze.jpg')), opts)
    const grey = await decodeImage(await sharp(readFileSync(join(SPECIMENS, '100_pass-cze.jpg'))).greyscale().jpeg().toBuffer(), opts)
    expect(colour.ok && colour.image.rgbStats.meanChroma).toBeGreaterThan(5)
    expect(grey.ok && grey.image.rgbStats.meanChroma).toBeLessThan(0.5)
  })
})

describe('jpegHasEndMarker', () => {
  it('finds the end marker after the scan, not the one of an embedded thumbnail', () => {
    expect(jpegHasEndMarker(td3)).toBe(true)
    const fakeThumbnail = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x06, 0xff, 0xd9, 0x00, 0x00]),
      td3.subarray(2, Math.round(td3.length * 0.6)),
    ])
    expect(jpegHasEndMarker(fakeThumbnail)).toBe(false)
  })
})
