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
import { Rng } from '../../../../../src/main/demo/prng'
import { renderSelfie } from '../../../../../src/main/demo/selfie-render'
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
  /** Something over part of the face (see COVERS). */
  cover?: Cover
}

/**
 * Occlusions drawn on the face photo, placed by the photos' common framing (eyes about 40 % and
 * the mouth about 75 % down, face 15-85 % across). Masks are shaded, pleated and textured
 * like fabric, not flat shapes, so a measure that passes them is not just finding a flat fill.
 */
export const COVERS = ['surgical-mask', 'white-mask', 'black-mask', 'printed-mask', 'sunglasses', 'hand'] as const
export type Cover = (typeof COVERS)[number]

function coverSvg(cover: Cover, s: number): string {
  const f = (v: number) => (v * s).toFixed(1)
  const texture =
    `<filter id="cloth" x="0" y="0" width="1" height="1"><feTurbulence type="fractalNoise" baseFrequency="${(40 / s).toFixed(3)}" numOctaves="2" seed="3"/>` +
    `<feColorMatrix type="matrix" values="0 0 0 0 0  0 0 0 0 0  0 0 0 0 0  0 0 0 0.25 -0.05"/><feComposite in2="SourceGraphic" operator="in"/></filter>`
  if (cover === 'sunglasses') {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}"><defs><linearGradient id="lens" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2a2a2e"/><stop offset="1" stop-color="#0e0e10"/></linearGradient></defs>` +
      `<ellipse cx="${f(0.33)}" cy="${f(0.4)}" rx="${f(0.15)}" ry="${f(0.1)}" fill="url(#lens)" stroke="#050505" stroke-width="${f(0.012)}"/>` +
      `<ellipse cx="${f(0.67)}" cy="${f(0.4)}" rx="${f(0.15)}" ry="${f(0.1)}" fill="url(#lens)" stroke="#050505" stroke-width="${f(0.012)}"/>` +
      `<path d="M${f(0.47)} ${f(0.39)} Q${f(0.5)} ${f(0.36)} ${f(0.53)} ${f(0.39)}" stroke="#050505" stroke-width="${f(0.015)}" fill="none"/>` +
      `<ellipse cx="${f(0.29)}" cy="${f(0.36)}" rx="${f(0.04)}" ry="${f(0.015)}" fill="#fff" fill-opacity="0.25"/></svg>`
  }
  if (cover === 'hand') {
    // Four fingers across the mouth, lit from above: each a rounded bar with a shadow line under it.
    const fingers = [0, 1, 2, 3].map((k) => {
      const y = 0.6 + k * 0.085
      return `<rect x="${f(0.1)}" y="${f(y)}" width="${f(0.78 - k * 0.04)}" height="${f(0.08)}" rx="${f(0.04)}" fill="url(#skin)"/><path d="M${f(0.12)} ${f(y + 0.078)} L${f(0.86 - k * 0.04)} ${f(y + 0.078)}" stroke="#000" stroke-opacity="0.35" stroke-width="${f(0.008)}"/>`
    })
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}"><defs><linearGradient id="skin" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#c8c8c8"/><stop offset="1" stop-color="#8e8e8e"/></linearGradient>${texture}</defs>${fingers.join('')}</svg>`
  }
  const colour = { 'surgical-mask': '#9cc3d9', 'white-mask': '#ecebe6', 'black-mask': '#26262a', 'printed-mask': '#35467a' }[cover]
  const shape = `M ${f(0.1)} ${f(0.5)} Q ${f(0.5)} ${f(0.4)} ${f(0.9)} ${f(0.5)} L ${f(0.82)} ${f(0.93)} Q ${f(0.5)} ${f(1.04)} ${f(0.18)} ${f(0.93)} Z`
  // Pleats: a lit fold edge with a soft shadow under it.
  const pleats = [0.6, 0.71, 0.82].map((y) => `<path d="M${f(0.13)} ${f(y)} Q${f(0.5)} ${f(y - 0.03)} ${f(0.87)} ${f(y)}" stroke="#fff" stroke-opacity="0.35" stroke-width="${f(0.01)}" fill="none"/><path d="M${f(0.13)} ${f(y + 0.015)} Q${f(0.5)} ${f(y - 0.015)} ${f(0.87)} ${f(y + 0.015)}" stroke="#000" stroke-opacity="0.18" stroke-width="${f(0.02)}" fill="none"/>`)
  const print = cover === 'printed-mask'
    ? Array.from({ length: 60 }, (_, i) => `<circle cx="${f(0.15 + ((i * 37) % 70) / 100)}" cy="${f(0.5 + ((i * 53) % 43) / 100)}" r="${f(0.018)}" fill="#f3efe2"/>`).join('')
    : ''
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}"><defs>${texture}` +
    `<linearGradient id="shade" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#fff" stop-opacity="0.15"/><stop offset="1" stop-color="#000" stop-opacity="0.3"/></linearGradient>` +
    `<radialGradient id="sides" cx="0.5" cy="0.5" r="0.6"><stop offset="0.6" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.3"/></radialGradient>` +
    `<clipPath id="m"><path d="${shape}"/></clipPath></defs>` +
    `<g clip-path="url(#m)"><path d="${shape}" fill="${colour}"/>${print}<path d="${shape}" fill="url(#shade)"/><path d="${shape}" fill="url(#sides)"/>${pleats.join('')}<rect width="${s}" height="${s}" fill="#808080" filter="url(#cloth)"/></g>` +
    `<path d="M${f(0.1)} ${f(0.52)} L${f(0.02)} ${f(0.45)} M${f(0.9)} ${f(0.52)} L${f(0.98)} ${f(0.45)} M${f(0.18)} ${f(0.92)} L${f(0.03)} ${f(0.62)} M${f(0.82)} ${f(0.92)} L${f(0.97)} ${f(0.62)}" stroke="#e8e8e8" stroke-width="${f(0.008)}"/></svg>`
}

async function facePatch(p: Placement): Promise<{ input: Buffer; left: number; top: number }> {
  let img = sharp(p.photo).resize(p.size, p.size).removeAlpha()
  if (p.gain !== undefined) img = img.linear(p.gain, 0)
  let patch = await img.png().toBuffer()
  if (p.cover) patch = await sharp(patch).composite([{ input: Buffer.from(coverSvg(p.cover, p.size)) }]).png().toBuffer()
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
  /** Whole-frame changes after composing: brightness gain and offset, Gaussian blur sigma, a horizontal camera-shake streak (px). */
  gain?: number
  offset?: number
  blurSigma?: number
  motionPx?: number
}

export async function selfie(o: SelfieOptions): Promise<Buffer> {
  const width = o.width ?? 1280
  const height = o.height ?? 720
  const patches = await Promise.all(o.faces.map(facePatch))
  let frame = sharp(await sharp(await backdrop(width, height, o.seed ?? 1, o.background ?? 'room')).composite(patches).png().toBuffer())
  if (o.gain !== undefined || o.offset !== undefined) frame = frame.linear(o.gain ?? 1, o.offset ?? 0)
  if (o.blurSigma) frame = frame.blur(o.blurSigma)
  if (o.motionPx) {
    // sharp wants a kernel of at least 3 rows: the streak is the middle one.
    const n = o.motionPx
    frame = sharp(await frame.convolve({ width: n, height: 3, kernel: [...new Array(n).fill(0), ...new Array(n).fill(1), ...new Array(n).fill(0)], scale: n }).png().toBuffer())
  }
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

/** A whole page photographed badly: gain and offset (washed out), or defocus blur. */
async function spoilPage(page: Buffer, how: { gain?: number; offset?: number; blurSigma?: number }): Promise<Buffer> {
  let img = sharp(page)
  if (how.gain !== undefined || how.offset !== undefined) img = img.linear(how.gain ?? 1, how.offset ?? 0)
  if (how.blurSigma) img = img.blur(how.blurSigma)
  return img.jpeg({ quality: 85 }).toBuffer()
}

/** The demo corpus's selfie of one photo (drawn head and shoulders in a lit room), seeded. */
export async function roomSelfie(person: Person, n: number, portrait = false): Promise<Buffer> {
  return (await renderSelfie({ face: { person, photo: n }, kind: 'good', portrait }, new Rng(`fixture:${person}:${n}`))).jpeg
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
  'selfie-masked.jpg': () => selfie({ faces: [{ photo: facePhoto('amy', 2), size: 375, cx: 640, cy: 340, cover: 'surgical-mask' }] }),
  'selfie-far-face.jpg': () => selfie({ faces: [{ photo: facePhoto('howard', 1), size: 70, cx: 900, cy: 300 }], seed: 7 }),
  'selfie-shaken.jpg': () => selfie({ faces: [{ photo: facePhoto('amy', 2), size: 375, cx: 640, cy: 340 }], motionPx: 15 }),
  'selfie-room-leonard.jpg': () => roomSelfie('leonard', 1),
  'passport-amy.jpg': () => passportWith(facePhoto('amy', 1)),
  'passport-leonard.jpg': () => passportWith(facePhoto('leonard', 5)),
  'passport-amy-washed-out.jpg': async () => spoilPage(await passportWith(facePhoto('amy', 1)), { gain: 1.6, offset: 40 }),
  'passport-amy-blurred.jpg': async () => spoilPage(await passportWith(facePhoto('amy', 1)), { blurSigma: 6 }),
  'passport-howard.jpg': () => passportWith(facePhoto('howard', 3)),
  'passport-no-portrait.jpg': () => passportWith(null),
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [name, build] of Object.entries(FIXTURES)) {
    writeFileSync(join(FIXTURE_DIR, name), await build())
    process.stdout.write(`${name}\n`)
  }
}
