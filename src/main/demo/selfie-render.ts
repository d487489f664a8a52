import sharp, { type OverlayOptions } from 'sharp'
import type { Rng } from './prng'
import { CLOTHES, NECKLINES, SKIN_TONES, personLayers, type Layer } from './selfie-person'
import { groupPhotoPath, type FacePerson } from './specimens'

/**
 * Selfies: a whole person (drawn head, hair, neck and shoulders around one of the demo people's
 * face photos, see selfie-person.ts) in a room drawn in SVG, lit as a camera sees a room (exposure,
 * side light, white balance, noise, lens softness on the whole frame), as a 1280×720 (or 720×1280)
 * webcam / phone frame. The failure kinds reproduce what goes wrong in real captures (see
 * docs/demo-corpus.md for every parameter).
 */

export const SELFIE_KINDS = [
  'good', 'dark', 'backlit', 'blurred', 'small', 'tilted', 'two-faces', 'group', 'no-face', 'low-res', 'overexposed',
] as const
export type SelfieKind = (typeof SELFIE_KINDS)[number]

export interface SelfieFace {
  person: FacePerson
  photo: number
}

export interface SelfieOptions {
  face: SelfieFace
  kind: SelfieKind
  portrait: boolean
  /** The second person of `two-faces`. */
  other?: SelfieFace
}

export interface Selfie {
  jpeg: Buffer
  width: number
  height: number
  /** What was done, for the docs and the report (kind and its parameters). */
  params: Record<string, number | string>
}

const WALLS = ['#d9d2c5', '#c8d3d6', '#e6e0d4', '#d4c7b8', '#bfc9bb', '#e3d9cf', '#cfd6e0']
function scene(rng: Rng, w: number, h: number, window: boolean): string {
  const wall = rng.pick(WALLS)
  const parts: string[] = [
    `<defs><linearGradient id="wall" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${wall}"/><stop offset="1" stop-color="${wall}" stop-opacity="0.78"/></linearGradient>`,
    `<radialGradient id="lamp"><stop offset="0" stop-color="#fff6dc" stop-opacity="0.9"/><stop offset="1" stop-color="#fff6dc" stop-opacity="0"/></radialGradient>`,
    `<radialGradient id="vignette" cx="0.5" cy="0.5" r="0.75"><stop offset="0.6" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.45"/></radialGradient></defs>`,
    `<rect width="${w}" height="${h}" fill="#3a3530"/><rect width="${w}" height="${h}" fill="url(#wall)"/>`,
  ]
  const layout = window ? 'window' : rng.pick(['door', 'shelf', 'picture', 'curtain'] as const)
  if (layout === 'window') {
    // A bright window right behind the person: the classic backlight.
    const ww = w * 0.62
    const wh = h * 0.7
    const wx = (w - ww) / 2
    parts.push(`<rect x="${wx}" y="${h * 0.08}" width="${ww}" height="${wh}" fill="#f7fbff"/>`)
    parts.push(`<rect x="${wx + ww / 2 - 6}" y="${h * 0.08}" width="12" height="${wh}" fill="#d8d4cc"/>`)
    parts.push(`<rect x="${wx}" y="${h * 0.08 + wh / 2 - 6}" width="${ww}" height="12" fill="#d8d4cc"/>`)
  } else if (layout === 'door') {
    const dx = rng.pick([0.06, 0.72]) * w
    parts.push(`<rect x="${dx}" y="${h * 0.12}" width="${w * 0.2}" height="${h * 0.9}" fill="#8b6b4a" stroke="#5c4630" stroke-width="10"/>`)
    parts.push(`<circle cx="${dx + w * 0.17}" cy="${h * 0.62}" r="9" fill="#c9b27a"/>`)
  } else if (layout === 'shelf') {
    const sx = rng.pick([0.03, 0.66]) * w
    const sw = w * 0.3
    parts.push(`<rect x="${sx}" y="${h * 0.05}" width="${sw}" height="${h * 0.95}" fill="#6d5237"/>`)
    for (let row = 0; row < 4; row++) {
      const y = h * (0.1 + row * 0.22)
      let x = sx + 10
      while (x < sx + sw - 30) {
        const bw = rng.int(12, 30)
        const bh = h * rng.float(0.12, 0.18)
        parts.push(`<rect x="${x}" y="${y + h * 0.18 - bh}" width="${bw}" height="${bh}" fill="hsl(${rng.int(0, 360)},${rng.int(25, 60)}%,${rng.int(25, 60)}%)"/>`)
        x += bw + 2
      }
      parts.push(`<rect x="${sx}" y="${y + h * 0.18}" width="${sw}" height="8" fill="#4e3a26"/>`)
    }
  } else if (layout === 'picture') {
    const px = rng.pick([0.08, 0.7]) * w
    parts.push(`<rect x="${px}" y="${h * 0.15}" width="${w * 0.2}" height="${h * 0.28}" fill="#f1ede4" stroke="#2b2b2b" stroke-width="8"/>`)
    parts.push(`<path d="M${px + 10} ${h * 0.4} L${px + w * 0.08} ${h * 0.24} L${px + w * 0.19} ${h * 0.4} Z" fill="hsl(${rng.int(90, 220)},35%,45%)"/>`)
    parts.push(`<ellipse cx="${w * 0.9}" cy="${h * 0.2}" rx="${w * 0.12}" ry="${h * 0.18}" fill="url(#lamp)"/>`)
  } else {
    const cx = rng.pick([0, 0.78]) * w
    for (let i = 0; i < 7; i++) {
      parts.push(`<rect x="${cx + i * w * 0.032}" y="0" width="${w * 0.032}" height="${h}" fill="hsl(${rng.int(0, 40)},30%,${38 + (i % 2) * 8}%)"/>`)
    }
  }
  parts.push(`<rect width="${w}" height="${h}" fill="url(#vignette)"/>`)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${parts.join('')}</svg>`
}

/** Sensor noise in the dark, added in JS so it follows the seed (libvips noise does not). */
function addNoise(raw: Buffer, sigma: number, rng: Rng): void {
  for (let i = 0; i < raw.length; i += 3) {
    const n = (rng.next() + rng.next() + rng.next() - 1.5) * 2 * sigma
    for (let c = 0; c < 3; c++) {
      const v = raw[i + c] + n
      raw[i + c] = v < 0 ? 0 : v > 255 ? 255 : v
    }
  }
}

/** Half a head's width, in face-photo sizes (drawn ears or hair reach 0.53-0.56 from the centre), plus a little air. */
const HEAD_HALF_WIDTH = 0.6

/**
 * Where the applicant (face photo side `size`) and the person over their shoulder (`s2`) stand
 * across a frame `w` wide: `gapFactor` × (size + s2) apart, `side` = where the second one is,
 * the pair centred; the gap shrinks when both heads would not fit, but never until they overlap.
 */
export function placePair(w: number, size: number, s2: number, gapFactor: number, side: -1 | 1): { cx: number; cx2: number } {
  const minGap = 0.56 * (size + s2)
  const room = w - HEAD_HALF_WIDTH * (size + s2)
  const gap = Math.max(minGap, Math.min((size + s2) * gapFactor, room))
  // Pair centred on the frame, then moved in as a whole if one head would stick out.
  let cx = w / 2 - (side * gap) / 2
  let cx2 = cx + side * gap
  const [left, leftSize, right, rightSize] = cx < cx2 ? [cx, size, cx2, s2] : [cx2, s2, cx, size]
  const shift = Math.max(0, HEAD_HALF_WIDTH * leftSize - left) - Math.max(0, right - (w - HEAD_HALF_WIDTH * rightSize))
  cx += shift
  cx2 += shift
  return { cx, cx2 }
}

/**
 * The scene's light, as a camera sees it: exposure, a key light from one side (a window or lamp
 * off-frame: one half of the frame, person and room alike, brighter than the other), white
 * balance, then sensor noise. Applied to the whole composed frame, never to the person alone.
 */
function applyLight(raw: Buffer, w: number, h: number, light: { exposure: number; sideLight: number; warm: number }, noiseSigma: number, rng: Rng): void {
  const wb = [1 + light.warm, 1, 1 - light.warm]
  for (let y = 0; y < h; y++) {
    // A little darker towards the floor, as a room lit from above is.
    const vertical = 1.04 - 0.1 * (y / h)
    for (let x = 0; x < w; x++) {
      const g = light.exposure * vertical * (1 + light.sideLight * (x / w - 0.5) * 2)
      const i = (y * w + x) * 3
      for (let c = 0; c < 3; c++) {
        const v = raw[i + c] * g * wb[c]
        raw[i + c] = v > 255 ? 255 : v
      }
    }
  }
  addNoise(raw, noiseSigma, rng)
}

/** `over` (RGBA, frame-sized) laid on `under` (RGB) in place; `overGain`/`underGain` re-expose either side (backlight). */
function blend(under: Buffer, over: Buffer, overGain = 1, under2: (v: number) => number = (v) => v): void {
  for (let i = 0, j = 0; i < under.length; i += 3, j += 4) {
    const a = over[j + 3] / 255
    for (let c = 0; c < 3; c++) {
      const v = under2(under[i + c]) * (1 - a) + over[j + c] * overGain * a
      under[i + c] = v > 255 ? 255 : v
    }
  }
}

export async function renderSelfie(opts: SelfieOptions, rng: Rng): Promise<Selfie> {
  const lowRes = opts.kind === 'low-res'
  const w = lowRes ? 640 : opts.portrait ? 720 : 1280
  const h = lowRes ? 480 : opts.portrait ? 1280 : 720
  const params: Record<string, number | string> = { kind: opts.kind, width: w, height: h }
  const rawOpts = { raw: { width: w, height: h, channels: 3 as const } }

  const raw =
    opts.kind === 'group'
      ? await sharp(groupPhotoPath()).resize(w, h, { fit: 'cover' }).removeAlpha().raw().toBuffer()
      : // Drawn at half size and scaled up: a webcam's soft background, at a quarter of the cost.
        await sharp(Buffer.from(scene(rng, w / 2, h / 2, opts.kind === 'backlit')))
          .removeAlpha()
          .resize(w, h, { kernel: 'cubic' })
          .raw()
          .toBuffer()

  const layers: Layer[] = []
  const minSide = Math.min(w, h)
  if (opts.kind !== 'no-face') {
    // Face photo scale: 1.8-2.6x the 150 px crop in a 720 px-high frame (a webcam at desk
    // distance, a phone at arm's length); a far-away person for `small`; two people stand
    // further back to fit in the frame together.
    let scale = rng.float(1.8, 2.6) * (minSide / 720)
    if (opts.kind === 'small') scale = rng.float(0.42, 0.6) * (minSide / 720)
    if (opts.kind === 'group') scale = rng.float(1.5, 1.8)
    if (opts.kind === 'two-faces') scale = rng.float(1.5, 2.0) * (minSide / 720)
    if (lowRes) scale = rng.float(1.4, 1.8) * (minSide / 720)
    const size = Math.round(150 * scale)
    let cx = opts.kind === 'small' ? w * rng.float(0.3, 0.7) : w * rng.float(0.42, 0.58)
    // The whole head in the frame: its crown is 0.8 face sizes above the photo's centre.
    let cy = opts.kind === 'small' ? h * rng.float(0.35, 0.55) : opts.kind === 'group' ? h * 0.72 : Math.max(h * rng.float(0.4, 0.48), 0.9 * size)
    const angle = opts.kind === 'tilted' ? rng.pick([-1, 1]) * rng.float(35, 50) : rng.float(-4, 4)
    params.faceSizePx = size
    params.rotationDeg = Math.round(angle * 10) / 10
    if (opts.kind === 'two-faces' && opts.other) {
      // Someone looking over the shoulder: smaller, to one side, a little behind. Both faces are
      // wholly in the frame (a face cut by the frame edge is not what this case is about).
      const s2 = Math.round(size * rng.float(0.7, 0.85))
      const pair = placePair(w, size, s2, rng.float(0.62, 0.72), rng.pick([-1, 1] as const))
      cx = pair.cx
      const cx2 = pair.cx2
      cy = Math.max(cy, 0.9 * size + 0.25 * s2)
      const cy2 = cy - size * rng.float(0.12, 0.25)
      layers.push(...(await personLayers({ face: opts.other, size: s2, cx: cx2, cy: cy2, headAngle: rng.float(-6, 6), skin: rng.pick(SKIN_TONES), clothes: rng.pick(CLOTHES), neckline: rng.pick(NECKLINES) }, h, rng)))
      params.secondFaceSizePx = s2
      params.secondFaceCentre = `${Math.round(cx2)},${Math.round(cy2)}`
    }
    params.faceCentre = `${Math.round(cx)},${Math.round(cy)}`
    const person = await personLayers({ face: opts.face, size, cx, cy, headAngle: angle, skin: rng.pick(SKIN_TONES), clothes: rng.pick(CLOTHES), neckline: rng.pick(NECKLINES) }, h, rng)
    layers.push(...person)
    if (opts.kind === 'small') {
      // Far from the camera, seated behind a desk: the desk's edge hides the rest of the body.
      const top = Math.round(cy + size * rng.float(2.4, 3.0))
      const desk = await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${Math.max(1, h - top)}"><rect width="${w}" height="${h}" fill="${rng.pick(['#6d5237', '#8b6b4a', '#4e3a26', '#b9ab94'])}"/><rect width="${w}" height="6" fill="#000" opacity="0.25"/></svg>`)).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
      layers.push({ data: desk.data, w: desk.info.width, h: desk.info.height, left: 0, top })
    }
  }

  if (layers.length) {
    // People on a transparent frame first: their alpha is what backlight darkens.
    const overlays = (await Promise.all(layers.map((l) => clip(l, w, h)))).filter((l): l is OverlayOptions => l !== null)
    const people = await sharp({ create: { width: w, height: h, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).composite(overlays).raw().toBuffer()
    if (opts.kind === 'backlit') {
      // Exposure set for the window: background near white, the person in shadow.
      blend(raw, people, 0.28, (v) => v * 1.45 + 60)
      params.personGain = 0.28
      params.backgroundGain = 1.45
      params.backgroundOffset = 60
    } else {
      blend(raw, people)
    }
  }

  const light = { exposure: rng.float(0.9, 1.08), sideLight: rng.float(-0.18, 0.18), warm: rng.float(-0.05, 0.07) }
  applyLight(raw, w, h, light, 2.5, rng)
  params.exposure = Math.round(light.exposure * 100) / 100
  params.sideLight = Math.round(light.sideLight * 100) / 100
  params.warmth = Math.round(light.warm * 100) / 100
  // A phone or webcam lens is never pixel-sharp.
  let img = sharp(await sharp(raw, rawOpts).blur(0.6).raw().toBuffer(), rawOpts)
  if (opts.kind === 'dark') {
    const gain = rng.float(0.16, 0.24)
    const dark = await img.linear(gain, 0).gamma(2.2, 2.2).raw().toBuffer()
    addNoise(dark, 5, rng)
    params.gain = Math.round(gain * 100) / 100
    params.noiseSigma = 5
    img = sharp(dark, rawOpts)
  } else if (opts.kind === 'overexposed') {
    const gain = rng.float(1.7, 2.0)
    img = img.linear(gain, 50)
    params.gain = Math.round(gain * 100) / 100
    params.offset = 50
  } else if (opts.kind === 'blurred') {
    if (rng.chance(0.5)) {
      // Hand shake: a horizontal motion streak.
      const len = rng.int(31, 45)
      // sharp wants a kernel of at least 3 rows: the streak is the middle one.
      const kernel = [...new Array(len).fill(0), ...new Array(len).fill(1), ...new Array(len).fill(0)]
      img = sharp(await img.convolve({ width: len, height: 3, kernel, scale: len }).raw().toBuffer(), rawOpts)
      params.blur = 'motion'
      params.motionLengthPx = len
    } else {
      const sigma = rng.float(7, 11)
      img = img.blur(sigma)
      params.blur = 'defocus'
      params.sigmaPx = Math.round(sigma * 10) / 10
    }
  } else if (opts.kind === 'no-face') {
    const sigma = rng.float(1.5, 3)
    img = img.blur(sigma)
    params.sigmaPx = Math.round(sigma * 10) / 10
  } else if (lowRes) {
    img = img.blur(1.2)
    params.sigmaPx = 1.2
  }
  const quality = lowRes ? 70 : 85
  params.jpegQuality = quality
  const jpeg = await img.jpeg({ quality, chromaSubsampling: '4:2:0' }).toBuffer()
  return { jpeg, width: w, height: h, params }
}

/** sharp refuses overlays that extend past the base image: crop them to the frame. */
async function clip(layer: Layer, w: number, h: number): Promise<OverlayOptions | null> {
  const left = Math.max(0, layer.left)
  const top = Math.max(0, layer.top)
  const right = Math.min(w, layer.left + layer.w)
  const bottom = Math.min(h, layer.top + layer.h)
  if (right <= left || bottom <= top) return null
  const raw = { width: layer.w, height: layer.h, channels: 4 as const }
  if (left === layer.left && top === layer.top && right - left === layer.w && bottom - top === layer.h) {
    return { input: layer.data, raw, left, top }
  }
  const { data, info } = await sharp(layer.data, { raw })
    .extract({ left: left - layer.left, top: top - layer.top, width: right - left, height: bottom - top })
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { input: data, raw: { width: info.width, height: info.height, channels: 4 }, left, top }
}
