import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_IMAGE_BYTES } from '../../../../src/main/import/limits'
import { expectOk, passportJpg, readOne, scratch, validCaseJson, validFiles, writeFolder, writeZip, zipEntries } from './helpers/bundles'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = scratch()))
afterEach(() => cleanup())

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A ~70-byte PNG whose header declares width × height: decoding it would need 1.6 GB. */
function pngDeclaring(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(64))),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

const inFolder = (changes: Parameters<typeof validFiles>[0]) => readOne(writeFolder(join(dir, 'case'), validFiles(changes)))
const inZip = (changes: Parameters<typeof validFiles>[0]) => readOne(writeZip(join(dir, 'case.zip'), zipEntries(validFiles(changes))))

describe.each([
  ['a case folder', inFolder],
  ['a zip', inZip],
])('named files in %s are flagged, never a reason to reject', (_, read) => {
  it('flags a 20000×20000 declared image as too-large from its header alone, keeping its bytes', async () => {
    const bomb = pngDeclaring(20000, 20000)
    const result = expectOk(await read({ 'selfie.png': bomb }))
    const selfie = result.files[1]
    expect(selfie).toMatchObject({ name: 'selfie.png', problem: 'too-large', sniffed: 'png', width: 20000, height: 20000 })
    expect(selfie.bytes?.length).toBe(bomb.length)
    expect(selfie.problemDetail).toMatch(/20000×20000 pixels \(400 megapixels\)/)
  })

  it('does not flag an ordinary image, and reports its dimensions', async () => {
    const result = expectOk(await read({}))
    expect(result.files[0].problem).toBeUndefined()
    expect(result.files[0]).toMatchObject({ width: 240 })
  })

  it('flags a zero-byte image as empty', async () => {
    const result = expectOk(await read({ 'passport.jpg': Buffer.alloc(0) }))
    expect(result.files[0]).toMatchObject({ name: 'passport.jpg', problem: 'empty', sniffed: 'empty' })
  })

  it('returns a truncated JPEG without a flag: it is a JPEG by its bytes, the analysis reports the damage', async () => {
    const truncated = passportJpg().subarray(0, 3000)
    const result = expectOk(await read({ 'passport.jpg': truncated }))
    expect(result.files[0].problem).toBeUndefined()
    expect(result.files[0]).toMatchObject({ sniffed: 'jpeg' })
    expect(result.files[0].bytes?.equals(truncated)).toBe(true)
  })

  it('flags a non-image with a .jpg name as not-an-image (by bytes, not by name)', async () => {
    const html = '<html><body>502 Bad Gateway</body></html>'
    const result = expectOk(await read({ 'passport.jpg': html }))
    expect(result.files[0]).toMatchObject({ problem: 'not-an-image', sniffed: 'unknown' })
    expect(result.files[0].bytes?.toString()).toBe(html)
  })

  it('flags a PDF named .jpg as not-an-image, saying it is a PDF', async () => {
    const result = expectOk(await read({ 'passport.jpg': '%PDF-1.7\n...' }))
    expect(result.files[0]).toMatchObject({ problem: 'not-an-image', sniffed: 'pdf', problemDetail: expect.stringMatching(/a PDF/) })
  })

  it('accepts a PNG saved under a .jpg name (the bytes decide)', async () => {
    const result = expectOk(await read({ 'passport.jpg': validFiles().get('selfie.png')! }))
    expect(result.files[0].problem).toBeUndefined()
    expect(result.files[0]).toMatchObject({ sniffed: 'png' })
  })

  it('flags a named file that is not in the bundle as missing', async () => {
    const result = expectOk(await read({ 'selfie.png': null }))
    expect(result.files[1]).toMatchObject({ name: 'selfie.png', bytes: null, problem: 'missing' })
  })

  it('flags an image over the byte limit as too-large without reading it whole', async () => {
    const big = Buffer.concat([passportJpg(), Buffer.alloc(MAX_IMAGE_BYTES)])
    // Zeros would trip the zip's ratio check; random-looking bytes would be slow to make: fill with a pattern deflate cannot shrink much.
    for (let i = passportJpg().length; i < big.length; i += 4) big.writeUInt32LE((Math.imul(i, 2654435761) >>> 0), i)
    const result = expectOk(await read({ 'passport.jpg': big }))
    expect(result.files[0]).toMatchObject({ name: 'passport.jpg', bytes: null, problem: 'too-large', sniffed: 'jpeg', size: big.length })
    expect(result.files[0].problemDetail).toMatch(/over 32 MiB are not read/)
  })

  it('keeps document sides and roles in case.json order, reading a file named twice once', async () => {
    const caseJson = validCaseJson()
    caseJson.documents = [{ file: 'passport.jpg', side: 'front' }, { file: 'passport.jpg', side: 'back' }]
    const result = expectOk(await read({ 'case.json': caseJson }))
    expect(result.files.map((f) => [f.name, f.role, f.side])).toEqual([
      ['passport.jpg', 'document', 'front'],
      ['passport.jpg', 'document', 'back'],
      ['selfie.png', 'selfie', undefined],
    ])
  })

  it('finds files in sub-folders', async () => {
    const caseJson = validCaseJson()
    caseJson.selfies = [{ file: 'capture/2026/selfie.png' }]
    const result = expectOk(await read({ 'case.json': caseJson, 'capture/2026/selfie.png': validFiles().get('selfie.png')! }))
    expect(result.files[1].problem).toBeUndefined()
    expect(result.files[1]).toMatchObject({ name: 'capture/2026/selfie.png', sniffed: 'png' })
  })
})

describe('files case.json does not name', () => {
  it('are never opened in a folder (a FIFO beside the case would block forever if read)', async () => {
    const folder = writeFolder(join(dir, 'case'), validFiles())
    execFileSync('mkfifo', [join(folder, 'unnamed.fifo')])
    const result = expectOk(await readOne(folder))
    expect(result.files.map((f) => f.name)).toEqual(['passport.jpg', 'selfie.png'])
  })

  it('are not part of the result', async () => {
    const result = expectOk(await inFolder({ 'extra.jpg': passportJpg() }))
    expect(result.files.map((f) => f.name)).not.toContain('extra.jpg')
  })
})
