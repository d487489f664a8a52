/**
 * Builds the face fixtures (realistic 1280x720 selfies and specimen documents carrying a
 * portrait) from the real face photos in resources/specimens/faces. Run
 * `npx tsx tests/unit/main/analysis/face/face-fixtures.ts` to (re)write them into tests/fixtures/face; the
 * calibration script uses the same builders in memory.
 */
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp, { type OverlayOptions } from 'sharp'
import { prng } from '../../../../bench/stats'

const HERE = dirname(fileURLToPath(import.meta.url))
/** Where the generated fixture files live. */
export const FIXTURE_DIR = join(HERE, '../../../../fixtures/face')
export const FACES_DIR = join(HERE, '../../../../../resources/specimens/faces')
export const DOCUMENTS_DIR = join(HERE, '../../../../../resources/specimens/documents')
export const PEOPLE = ['amy', 'bernadette', 'howard', 'leonard'] as const
export type Person = (typeof PEOPLE)[number]

export const facePhoto = (person: Person, n: number) => join(FACES_DIR, person, `${person}${n}.png`)


/** An indoor-looking backdrop: a wall gradient, a few soft furniture blobs, sensor noise. */
export async function backdrop(width: number, height: number, seed = 1, level: 'room' | 'window' = 'room'): Promise<Buffer> {
  const rnd = prng(seed)
  const data = Buffer.alloc(width * height * 3)
  const blobs = Array.from({ length: 5 }, () => ({ x: rnd() * width, y: rnd() * height, r: (0.1 + rnd() * 0.25) * width, c: [rnd() * 120 - 60, rnd() * 120 - 60, rnd() * 120 - 60] }))
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3
      if (level === 'window') {
        // A bright window: near-white with a faint frame pattern.
        const v = 238 + 12 * rnd() + ((x % 320 < 8 || y % 240 < 8) ? -20 : 0)
        data[i] = data[i + 1] = data[i + 2] = Math.max(0, Math.min(255, v))
        continue
      }
      const base = [150 - (50 * y) / height, 135 - (40 * y) / height, 115 - (30 * y) / height]
      for (const b of blobs) {
        const d = Math.hypot(x - b.x, y - b.y) / b.r
        if (d < 1) for (let c = 0; c < 3; c++) base[c] += b.c[c] * (1 - d * d)
      }
      for (let c = 0; c < 3; c++) data[i + c] = Math.max(0, Math.min(255, base[c] + (rnd() - 0.5) * 12))
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } }).png().toBuffer()
}

export interface Placement {
  photo: string
  /** Face photo width in the frame, px. */
  size: number
  /** Centre of the face in the frame, px. */
  cx: number
  cy: number
  rotateDeg?: number
  /** Multiplies the face's brightness (backlit faces are dark). */
  gain?: number
  /** Paint a mask over the lower half of the face. */
  mask?: boolean
}

async function facePatch(p: Placement): Promise<{ input: Buffer; left: number; top: number }> {
  let img = sharp(p.photo).resize(p.size, p.size).removeAlpha()
  if (p.gain !== undefined) img = img.linear(p.gain, 0)
  let patch = await img.png().toBuffer()
  if (p.mask) {
    const s = p.size
    const svg = `<svg width="${s}" height="${s}"><path d="M ${s * 0.12} ${s * 0.5} Q ${s * 0.5} ${s * 0.42} ${s * 0.88} ${s * 0.5} L ${s * 0.8} ${s * 0.95} Q ${s * 0.5} ${s * 1.05} ${s * 0.2} ${s * 0.95} Z" fill="#9cc3d9"/></svg>`
    patch = await sharp(patch).composite([{ input: Buffer.from(svg) }]).png().toBuffer()
  }
  if (p.rotateDeg) patch = await sharp(patch).ensureAlpha().rotate(p.rotateDeg, { background: { r: 0, g: 0, b: 0, alpha: 0 } }).png().toBuffer()
  const meta = await sharp(patch).metadata()
  return { input: patch, left: Math.round(p.cx - meta.width! / 2), top: Math.round(p.cy - meta.height! / 2) }
}

export interface SelfieOptions {
  width?: number
  height?: number
  faces: Placement[]
  background?: 'room' | 'window'
  seed?: number
  /** Whole-frame changes after composing: brightness gain and offset, Gaussian blur sigma. */
  gain?: number
  offset?: number
  blurSigma?: number
}

export async function selfie(o: SelfieOptions): Promise<Buffer> {
  const width = o.width ?? 1280
  const height = o.height ?? 720
  const patches = await Promise.all(o.faces.map(facePatch))
  let frame = sharp(await sharp(await backdrop(width, height, o.seed ?? 1, o.background ?? 'room')).composite(patches).png().toBuffer())
  if (o.gain !== undefined || o.offset !== undefined) frame = frame.linear(o.gain ?? 1, o.offset ?? 0)
  if (o.blurSigma) frame = frame.blur(o.blurSigma)
  return frame.jpeg({ quality: 90 }).toBuffer()
}

/** The usual selfie: one face photo scaled 2.5x (375 px wide) in the middle of a 1280x720 frame. */
export const plainSelfie = (photo: string, seed = 1) => selfie({ faces: [{ photo, size: 375, cx: 640, cy: 340 }], seed })

/**
 * How an ID portrait differs from a selfie, simulated: greyscale, about 90 px wide, JPEG quality
 * 40, on the plain light background of an ID photo.
 */
export async function idPortrait(photo: string): Promise<Buffer> {
  const small = await sharp(photo).greyscale().resize(90, 90).jpeg({ quality: 40 }).toBuffer()
  return sharp(small).extend({ top: 30, bottom: 40, left: 30, right: 30, background: { r: 226, g: 226, b: 222 } }).jpeg({ quality: 40 }).toBuffer()
}

/** The ICAO TD3 specimen page with its portrait replaced: by `photo` as an ID portrait, or by blank paper. */
export async function passportWith(photo: string | null): Promise<Buffer> {
  const page = join(DOCUMENTS_DIR, 'passport-td3.jpg')
  const blank = await sharp({ create: { width: 310, height: 405, channels: 3, background: photo ? { r: 226, g: 226, b: 222 } : { r: 255, g: 255, b: 255 } } }).png().toBuffer()
  const layers: OverlayOptions[] = [{ input: blank, left: 124, top: 216 }]
  if (photo) {
    const portrait = await sharp(await sharp(photo).greyscale().resize(90, 90).jpeg({ quality: 40 }).toBuffer()).resize(230, 230).png().toBuffer()
    layers.push({ input: portrait, left: 164, top: 290 })
  }
  return sharp(page).composite(layers).jpeg({ quality: 80 }).toBuffer()
}

/** The fixture files the tests read, by name. */
export const FIXTURES: Record<string, () => Promise<Buffer>> = {
  'selfie-amy.jpg': () => plainSelfie(facePhoto('amy', 2)),
  'selfie-leonard.jpg': () => plainSelfie(facePhoto('leonard', 1), 2),
  'selfie-howard.jpg': () => plainSelfie(facePhoto('howard', 1), 3),
  'selfie-dark.jpg': () => selfie({ faces: [{ photo: facePhoto('amy', 2), size: 375, cx: 640, cy: 340 }], gain: 0.16 }),
  'selfie-overexposed.jpg': () => selfie({ faces: [{ photo: facePhoto('amy', 2), size: 375, cx: 640, cy: 340 }], gain: 1.6, offset: 110 }),
  'selfie-backlit.jpg': () => selfie({ faces: [{ photo: facePhoto('amy', 2), size: 375, cx: 640, cy: 340, gain: 0.3 }], background: 'window' }),
  'selfie-blurry.jpg': () => selfie({ faces: [{ photo: facePhoto('amy', 2), size: 375, cx: 640, cy: 340 }], blurSigma: 6 }),
  'selfie-small-face.jpg': () => selfie({ faces: [{ photo: facePhoto('amy', 2), size: 110, cx: 640, cy: 330 }] }),
  'selfie-tilted.jpg': () => selfie({ faces: [{ photo: facePhoto('amy', 2), size: 375, cx: 640, cy: 360, rotateDeg: 38 }] }),
  'selfie-two-faces.jpg': () => selfie({ faces: [{ photo: facePhoto('amy', 2), size: 330, cx: 400, cy: 360 }, { photo: facePhoto('howard', 1), size: 330, cx: 880, cy: 360 }] }),
  'selfie-no-face.jpg': () => selfie({ faces: [], seed: 4 }),
  'selfie-low-res.jpg': () => selfie({ width: 640, height: 480, faces: [{ photo: facePhoto('amy', 2), size: 260, cx: 320, cy: 240 }] }),
  'selfie-masked.jpg': () => selfie({ faces: [{ photo: facePhoto('amy', 2), size: 375, cx: 640, cy: 340, mask: true }] }),
  'passport-amy.jpg': () => passportWith(facePhoto('amy', 1)),
  'passport-howard.jpg': () => passportWith(facePhoto('howard', 3)),
  'passport-no-portrait.jpg': () => passportWith(null),
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [name, build] of Object.entries(FIXTURES)) {
    writeFileSync(join(FIXTURE_DIR, name), await build())
    process.stdout.write(`${name}\n`)
  }
}
