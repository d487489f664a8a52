import sharp, { type OverlayOptions } from 'sharp'
import type { Rng } from './prng'
import { facePath, groupPhotoPath, type FacePerson } from './specimens'

/**
 * Selfies: one of the demo people's photos (150 px face crops) scaled 2-3× onto a room drawn in
 * SVG, with a torso under it, as a 1280×720 (or 720×1280) webcam / phone frame. The failure kinds
 * reproduce what goes wrong in real captures (see docs/demo-corpus.md for every parameter).
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
const CLOTHES = ['#2f3a4c', '#6b2f35', '#3d5a40', '#202020', '#8a7f70', '#4b4f8a', '#b8b2a6']
const SKIN = [
  { r: 224, g: 188, b: 160 },
  { r: 205, g: 165, b: 135 },
  { r: 236, g: 204, b: 180 },
  { r: 190, g: 150, b: 120 },
]

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

/** Shoulders and neck under a face of size `s` centred at (cx, cy), as a layer down to the frame's bottom. */
async function torsoLayer(h: number, cx: number, cy: number, s: number, clothes: string, skin: { r: number; g: number; b: number }): Promise<Layer> {
  const left = Math.round(cx - s * 1.3)
  const top = Math.round(cy + s * 0.2)
  const lw = Math.max(1, Math.round(s * 2.6))
  const lh = Math.max(1, h - top)
  const x = (v: number) => (v - left).toFixed(1)
  const y = (v: number) => (v - top).toFixed(1)
  const neckTop = cy + s * 0.25
  const shoulderY = cy + s * 0.66
  const skinCss = `rgb(${skin.r},${skin.g},${skin.b})`
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${lw}" height="${lh}">
<rect x="${x(cx - s * 0.21)}" y="${y(neckTop)}" width="${(s * 0.42).toFixed(1)}" height="${(s * 0.55).toFixed(1)}" fill="${skinCss}" opacity="0.85"/>
<path d="M${x(cx - s * 1.25)} ${y(h + 10)} Q${x(cx - s * 1.15)} ${y(shoulderY)} ${x(cx - s * 0.3)} ${y(shoulderY - s * 0.05)} L${x(cx + s * 0.3)} ${y(shoulderY - s * 0.05)} Q${x(cx + s * 1.15)} ${y(shoulderY)} ${x(cx + s * 1.25)} ${y(h + 10)} Z" fill="${clothes}"/>
</svg>`
  const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  return { data, w: info.width, h: info.height, left, top }
}

/** An RGBA layer in raw pixels, placed at (left, top) — may reach past the frame. */
interface Layer {
  data: Buffer
  w: number
  h: number
  left: number
  top: number
}

/** The face photo scaled to `size`, tinted to a skin tone, with feathered oval edges. */
async function faceLayer(face: SelfieFace, size: number, skin: { r: number; g: number; b: number }, angle: number, cx: number, cy: number): Promise<Layer> {
  const mask = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><defs><radialGradient id="m" cx="0.5" cy="0.5" r="0.5"><stop offset="0.78" stop-color="#fff"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs><ellipse cx="${size / 2}" cy="${size / 2}" rx="${size * 0.5}" ry="${size * 0.52}" fill="url(#m)"/></svg>`,
  )
  const alpha = await sharp(mask).extractChannel(3).raw().toBuffer()
  // Two passes: sharp applies tint before greyscale in one pipeline, which undoes it.
  const grey = await sharp(facePath(face.person, face.photo))
    .removeAlpha()
    .greyscale()
    .resize(size, size, { kernel: 'lanczos3' })
    .toColourspace('srgb')
    .png()
    .toBuffer()
  let img = sharp(
    await sharp(grey)
      .tint(skin)
      .joinChannel(alpha, { raw: { width: size, height: size, channels: 1 } })
      .png({ compressionLevel: 0 })
      .toBuffer(),
  )
  if (angle !== 0) img = img.rotate(angle, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
  const { data, info } = await img.ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  return { data, w: info.width, h: info.height, left: Math.round(cx - info.width / 2), top: Math.round(cy - info.height / 2) }
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

export async function renderSelfie(opts: SelfieOptions, rng: Rng): Promise<Selfie> {
  const lowRes = opts.kind === 'low-res'
  const w = lowRes ? 640 : opts.portrait ? 720 : 1280
  const h = lowRes ? 480 : opts.portrait ? 1280 : 720
  const params: Record<string, number | string> = { kind: opts.kind, width: w, height: h }
  const rawOpts = { raw: { width: w, height: h, channels: 3 as const } }

  const base =
    opts.kind === 'group'
      ? await sharp(groupPhotoPath()).resize(w, h, { fit: 'cover' }).removeAlpha().raw().toBuffer()
      : // Drawn at half size and scaled up: a webcam's soft background, at a quarter of the cost.
        await sharp(Buffer.from(scene(rng, w / 2, h / 2, opts.kind === 'backlit')))
          .removeAlpha()
          .resize(w, h, { kernel: 'cubic' })
          .raw()
          .toBuffer()

  const layers: Layer[] = []
  const skin = rng.pick(SKIN)
  const minSide = Math.min(w, h)
  if (opts.kind !== 'no-face') {
    // Face scale: 2-3× the 150 px crop in a 720 px-high frame; a far-away face for `small`.
    let scale = rng.float(2.0, 3.0) * (minSide / 720)
    if (opts.kind === 'small') scale = rng.float(0.42, 0.6) * (minSide / 720)
    if (opts.kind === 'group') scale = rng.float(1.5, 1.8)
    if (lowRes) scale = rng.float(1.4, 1.8) * (minSide / 720)
    const size = Math.round(150 * scale)
    const cx = opts.kind === 'small' ? w * rng.float(0.3, 0.7) : w * rng.float(0.42, 0.58)
    const cy = opts.kind === 'small' ? h * rng.float(0.35, 0.55) : opts.kind === 'group' ? h * 0.72 : h * rng.float(0.4, 0.48)
    const angle = opts.kind === 'tilted' ? rng.pick([-1, 1]) * rng.float(35, 50) : rng.float(-4, 4)
    params.faceSizePx = size
    params.rotationDeg = Math.round(angle * 10) / 10
    if (opts.kind === 'two-faces' && opts.other) {
      // Someone looking over the shoulder: smaller, to one side, slightly behind.
      const s2 = Math.round(size * rng.float(0.7, 0.85))
      const side = cx < w / 2 ? 1 : -1
      const cx2 = cx + side * size * rng.float(0.95, 1.15)
      const cy2 = cy - size * rng.float(0.1, 0.25)
      const skin2 = rng.pick(SKIN)
      layers.push(await torsoLayer(h, cx2, cy2, s2, rng.pick(CLOTHES), skin2))
      layers.push(await faceLayer(opts.other, s2, skin2, rng.float(-6, 6), cx2, cy2))
      params.secondFaceSizePx = s2
    }
    if (opts.kind !== 'group') layers.push(await torsoLayer(h, cx, cy, size, rng.pick(CLOTHES), skin))
    layers.push(await faceLayer(opts.face, size, skin, angle, cx, cy))
  }

  const overlays = (await Promise.all(layers.map((l) => clip(l, w, h)))).filter((l): l is OverlayOptions => l !== null)
  let raw = overlays.length ? await sharp(base, rawOpts).composite(overlays).removeAlpha().raw().toBuffer() : base

  if (opts.kind === 'backlit') {
    // Exposure set for the window: background near white, the person in shadow.
    const out = Buffer.alloc(raw.length)
    for (let i = 0; i < raw.length; i += 3) {
      const isPerson = raw[i] !== base[i] || raw[i + 1] !== base[i + 1] || raw[i + 2] !== base[i + 2]
      for (let c = i; c < i + 3; c++) out[c] = isPerson ? Math.round(raw[c] * 0.28) : Math.min(255, Math.round(base[c] * 1.45 + 60))
    }
    raw = out
    params.personGain = 0.28
    params.backgroundGain = 1.45
    params.backgroundOffset = 60
  }
  let img = sharp(raw, rawOpts)
  if (opts.kind === 'dark') {
    const gain = rng.float(0.16, 0.24)
    raw = await img.linear(gain, 0).gamma(2.2, 2.2).raw().toBuffer()
    addNoise(raw, 5, rng)
    params.gain = Math.round(gain * 100) / 100
    params.noiseSigma = 5
    img = sharp(raw, rawOpts)
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
