import sharp from 'sharp'
import type { Rng } from './prng'
import { FACE_LOOK, facePath, type FacePerson } from './specimens'

/**
 * A whole person for a demo selfie: head (hair, ears, forehead, the face photo blended in),
 * neck and shoulders in clothes. The face photos are tight 150 px crops (brows to chin), so
 * everything around the face is drawn, and the photo is blended into the drawn head with a soft
 * rectangular edge: a detector sees a head with a forehead and hair, as in a real capture, not a
 * disc floating on the wall.
 */

export interface PersonFace {
  person: FacePerson
  photo: number
}

export interface Rgb {
  r: number
  g: number
  b: number
}

export interface PersonOptions {
  face: PersonFace
  /** Side of the face photo in the frame, px (the photo spans about brows to chin). */
  size: number
  /** Centre of the face photo in the frame, px. */
  cx: number
  cy: number
  /** Head tilt about the neck, degrees (positive: clockwise). */
  headAngle: number
  /** The tone the grey face photo is tinted with. */
  skin: Rgb
  clothes: string
  neckline: 'crew' | 'v' | 'collar'
}

/** An RGBA layer in raw pixels, placed at (left, top) — may reach past the frame. */
export interface Layer {
  data: Buffer
  w: number
  h: number
  left: number
  top: number
}

export const SKIN_TONES: readonly Rgb[] = [
  { r: 224, g: 188, b: 160 },
  { r: 205, g: 165, b: 135 },
  { r: 236, g: 204, b: 180 },
  { r: 190, g: 150, b: 120 },
]
export const CLOTHES = ['#2f3a4c', '#6b2f35', '#3d5a40', '#202020', '#8a7f70', '#4b4f8a', '#b8b2a6', '#5d6d7e', '#7a4e2d']
export const NECKLINES = ['crew', 'v', 'collar'] as const

const HAIR: Record<'dark' | 'brown' | 'blond', string[]> = {
  dark: ['#1f1a17', '#2b2019', '#241c18'],
  brown: ['#3b2a1e', '#4a3425', '#35261b'],
  blond: ['#c7a46a', '#d3b47c', '#bf9a5e'],
}

const css = (c: Rgb, k = 1) => `rgb(${Math.round(Math.min(255, c.r * k))},${Math.round(Math.min(255, c.g * k))},${Math.round(Math.min(255, c.b * k))})`
const f = (v: number) => v.toFixed(1)

/** The face photo scaled to `size`, toned, with a soft rounded-rectangle alpha edge; and the skin colour it ended up with. */
async function facePhotoLayer(face: PersonFace, size: number, tone: Rgb): Promise<{ png: Buffer; skin: Rgb }> {
  // Two passes: sharp applies tint before greyscale in one pipeline, which undoes it.
  const grey = await sharp(facePath(face.person, face.photo)).removeAlpha().greyscale().resize(size, size, { kernel: 'lanczos3' }).toColourspace('srgb').png().toBuffer()
  const toned = await sharp(grey).tint(tone).removeAlpha().raw().toBuffer()
  // The drawn skull and neck continue the photo's own skin colour (median of forehead and cheeks),
  // so the seam does not show.
  const samples: number[][] = [[], [], []]
  const region = (x0: number, x1: number, y0: number, y1: number) => {
    for (let y = Math.round(size * y0); y < Math.round(size * y1); y++) {
      for (let x = Math.round(size * x0); x < Math.round(size * x1); x++) {
        const i = (y * size + x) * 3
        for (let c = 0; c < 3; c++) samples[c].push(toned[i + c])
      }
    }
  }
  region(0.38, 0.62, 0.04, 0.16)
  region(0.2, 0.3, 0.55, 0.65)
  region(0.7, 0.8, 0.55, 0.65)
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]
  const skin = { r: median(samples[0]), g: median(samples[1]), b: median(samples[2]) }
  const soft = size * 0.035
  const mask = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">` +
      `<rect x="${f(size * 0.07)}" y="${f(size * 0.04)}" width="${f(size * 0.86)}" height="${f(size * 0.93)}" rx="${f(size * 0.2)}" fill="#fff"/></svg>`,
  )
  // Blurred by libvips, not an SVG filter: librsvg's blur costs ~10x more.
  const alpha = await sharp(await sharp(mask).extractChannel(3).raw().toBuffer(), { raw: { width: size, height: size, channels: 1 } }).blur(soft).extractChannel(0).raw().toBuffer()
  const png = await sharp(toned, { raw: { width: size, height: size, channels: 3 } })
    .joinChannel(alpha, { raw: { width: size, height: size, channels: 1 } })
    .png({ compressionLevel: 0 })
    .toBuffer()
  return { png, skin }
}

/**
 * Head parts as SVG in a square canvas of side `d` whose centre is the neck pivot; the face
 * photo's centre sits 0.45 face sizes above it. `back`: long hair, drawn behind the neck and
 * shoulders; `head`: ears and skull (under the photo); `front`: the hair over the forehead's top.
 */
function headSvg(d: number, s: number, skin: Rgb, hair: string, long: boolean, part: 'back' | 'head' | 'front', parting: number, rnd: () => number): string {
  const fx = d / 2
  const fy = d / 2 - 0.45 * s
  const X = (u: number) => f(fx + u * s)
  const Y = (v: number) => f(fy + v * s)
  const parts: string[] = []
  const defs =
    `<defs><radialGradient id="skin" cx="0.45" cy="0.4" r="0.65"><stop offset="0" stop-color="${css(skin, 1.03)}"/><stop offset="1" stop-color="${css(skin, 0.82)}"/></radialGradient></defs>`
  // Hair: the shape (its edge softened with the rest of the layer) and strands inside it,
  // thin lighter and darker curves from the crown outwards.
  const hairShape = (path: string, id: string) => {
    const strands: string[] = []
    for (let i = 0; i < 40; i++) {
      const u = rnd() * 2 - 1
      const x0 = parting + u * 0.12
      const y0 = -0.8 + rnd() * 0.1
      const x1 = u * 0.62
      const y1 = -0.2 + rnd() * (long ? 1.3 : 0.2)
      strands.push(
        `<path d="M${X(x0)} ${Y(y0)} Q${X(x0 + (x1 - x0) * 0.8)} ${Y(y0 + 0.05)} ${X(x1)} ${Y(y1)}" stroke="${rnd() < 0.5 ? '#fff' : '#000'}" stroke-opacity="${(0.06 + rnd() * 0.1).toFixed(2)}" stroke-width="${f(s * (0.004 + rnd() * 0.01))}" fill="none"/>`,
      )
    }
    return `<clipPath id="${id}"><path d="${path}"/></clipPath><path d="${path}" fill="${hair}"/><g clip-path="url(#${id})">${strands.join('')}</g>`
  }
  if (part === 'back') {
    // Long hair falls past the neck to the shoulders, on both sides of it.
    if (long) {
      parts.push(hairShape(`M${X(-0.5)} ${Y(-0.35)} C${X(-0.62)} ${Y(-0.9)} ${X(0.62)} ${Y(-0.9)} ${X(0.5)} ${Y(-0.35)} C${X(0.6)} ${Y(0.1)} ${X(0.66)} ${Y(0.6)} ${X(0.6)} ${Y(1.05)} L${X(0.22)} ${Y(1.0)} L${X(-0.22)} ${Y(1.0)} L${X(-0.6)} ${Y(1.05)} C${X(-0.66)} ${Y(0.6)} ${X(-0.6)} ${Y(0.1)} ${X(-0.5)} ${Y(-0.35)} Z`, 'hb'))
    }
  } else if (part === 'head') {
    // Ears, then skull and jaw: an egg outline widest at the cheekbones, down to the chin, so the
    // photo's soft edge fades into skin all round.
    if (!long) for (const side of [-1, 1]) parts.push(`<ellipse cx="${X(side * 0.49)}" cy="${Y(-0.02)}" rx="${f(s * 0.07)}" ry="${f(s * 0.13)}" fill="${css(skin, 0.86)}"/>`)
    parts.push(
      `<path d="M${X(0)} ${Y(-0.74)} C${X(0.3)} ${Y(-0.74)} ${X(0.48)} ${Y(-0.52)} ${X(0.48)} ${Y(-0.15)} C${X(0.49)} ${Y(0.14)} ${X(0.47)} ${Y(0.32)} ${X(0.34)} ${Y(0.45)} ` +
        `C${X(0.22)} ${Y(0.55)} ${X(0.1)} ${Y(0.57)} ${X(0)} ${Y(0.57)} C${X(-0.1)} ${Y(0.57)} ${X(-0.22)} ${Y(0.55)} ${X(-0.34)} ${Y(0.45)} ` +
        `C${X(-0.47)} ${Y(0.32)} ${X(-0.49)} ${Y(0.14)} ${X(-0.48)} ${Y(-0.15)} C${X(-0.48)} ${Y(-0.52)} ${X(-0.3)} ${Y(-0.74)} ${X(0)} ${Y(-0.74)} Z" fill="url(#skin)"/>`,
    )
  } else {
    // Hair close to the skull; the hairline a little above the photo's top edge (some drawn
    // forehead shows), receding at the temples; long hair comes down beside the cheeks.
    const sideBottom = long ? 0.42 : -0.16
    const inner = long ? 0.445 : 0.46
    const line = long ? -0.5 : -0.56
    parts.push(
      hairShape(
        `M${X(-0.52)} ${Y(sideBottom)} C${X(-0.56)} ${Y(-0.56)} ${X(-0.32)} ${Y(-0.8)} ${X(0)} ${Y(-0.8)} C${X(0.32)} ${Y(-0.8)} ${X(0.56)} ${Y(-0.56)} ${X(0.52)} ${Y(sideBottom)} ` +
          `L${X(inner)} ${Y(sideBottom - 0.05)} C${X(inner)} ${Y(-0.36)} ${X(0.34)} ${Y(line + 0.06)} ${X(parting + 0.1)} ${Y(line + 0.02)} L${X(parting)} ${Y(line - 0.03)} L${X(parting - 0.1)} ${Y(line + 0.02)} C${X(-0.34)} ${Y(line + 0.06)} ${X(-inner)} ${Y(-0.36)} ${X(-inner)} ${Y(sideBottom - 0.05)} Z`,
        'hf',
      ),
    )
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${d}" height="${d}">${defs}${parts.join('')}</svg>`
}

/** Neck and shoulders under a face photo of side `s` centred at (cx, cy), down to the frame's bottom `h`. */
function bodySvg(o: PersonOptions, h: number, neckSkin: Rgb): { svg: string; left: number; top: number } {
  const s = o.size
  const left = Math.round(o.cx - 1.5 * s)
  const top = Math.round(o.cy + 0.1 * s)
  const w = Math.max(1, Math.round(3 * s))
  const hh = Math.max(1, Math.round(h - top))
  const X = (u: number) => f(o.cx + u * s - left)
  const Y = (v: number) => f(o.cy + v * s - top)
  const bottom = f(h - top + 10)
  const torso =
    `M${X(-0.2)} ${Y(0.74)} C${X(-0.5)} ${Y(0.84)} ${X(-0.95)} ${Y(0.86)} ${X(-1.14)} ${Y(1.04)} C${X(-1.32)} ${Y(1.2)} ${X(-1.4)} ${Y(1.5)} ${X(-1.42)} ${bottom} ` +
    `L${X(1.42)} ${bottom} C${X(1.4)} ${Y(1.5)} ${X(1.32)} ${Y(1.2)} ${X(1.14)} ${Y(1.04)} C${X(0.95)} ${Y(0.86)} ${X(0.5)} ${Y(0.84)} ${X(0.2)} ${Y(0.74)} Z`
  // The neckline starts a little above the torso's top edge, so no strip of cloth crosses the neck.
  const neckline =
    o.neckline === 'v'
      ? `<path d="M${X(-0.22)} ${Y(0.72)} L${X(0)} ${Y(1.16)} L${X(0.22)} ${Y(0.72)} Z" fill="${css(neckSkin)}"/>`
      : o.neckline === 'crew'
        ? `<path d="M${X(-0.22)} ${Y(0.72)} L${X(-0.22)} ${Y(0.76)} Q${X(0)} ${Y(1.0)} ${X(0.22)} ${Y(0.76)} L${X(0.22)} ${Y(0.72)} Z" fill="${css(neckSkin)}"/>`
        : `<path d="M${X(-0.22)} ${Y(0.72)} L${X(0)} ${Y(1.02)} L${X(0.22)} ${Y(0.72)} Z" fill="${css(neckSkin)}"/>` +
          `<path d="M${X(-0.22)} ${Y(0.74)} L${X(-0.02)} ${Y(1.04)} L${X(-0.3)} ${Y(1.02)} L${X(-0.36)} ${Y(0.84)} Z M${X(0.22)} ${Y(0.74)} L${X(0.02)} ${Y(1.04)} L${X(0.3)} ${Y(1.02)} L${X(0.36)} ${Y(0.84)} Z" fill="#eeece6"/>`
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${hh}"><defs>` +
    `<linearGradient id="neck" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${css(neckSkin, 0.72)}"/><stop offset="0.45" stop-color="${css(neckSkin)}"/></linearGradient>` +
    `<linearGradient id="cloth" x1="0" y1="0" x2="0.3" y2="1"><stop offset="0" stop-color="${o.clothes}" stop-opacity="1"/><stop offset="1" stop-color="#000" stop-opacity="1"/></linearGradient>` +
    `<linearGradient id="shade" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#fff" stop-opacity="0.1"/><stop offset="1" stop-color="#000" stop-opacity="0.35"/></linearGradient></defs>` +
    `<rect x="${X(-0.24)}" y="${Y(0.3)}" width="${f(0.48 * s)}" height="${f(0.7 * s)}" rx="${f(0.08 * s)}" fill="url(#neck)"/>` +
    `<path d="${torso}" fill="${o.clothes}"/><path d="${torso}" fill="url(#shade)"/>${neckline}</svg>`
  return { svg, left, top }
}

async function svgLayer(svg: string): Promise<{ data: Buffer; w: number; h: number }> {
  const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  return { data, w: info.width, h: info.height }
}

interface Raw {
  data: Buffer
  w: number
  h: number
}

const rawOf = (r: Raw) => ({ raw: { width: r.w, height: r.h, channels: 4 as const } })

/** A head-part SVG as RGBA pixels with soft edges (a clean vector edge reads as a cut-out). */
async function softSvg(svg: string, d: number, s: number): Promise<Raw> {
  // Drawn at half size and scaled up: the parts are soft anyway, and it costs a quarter.
  const half = Math.max(1, Math.round(d / 2))
  const sized = svg.replace(`width="${d}" height="${d}">`, `width="${half}" height="${half}" viewBox="0 0 ${d} ${d}">`)
  const { data, info } = await sharp(Buffer.from(sized)).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  const soft = await sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } })
    .blur(Math.max(0.3, s * 0.005))
    .resize(d, d)
    .raw()
    .toBuffer()
  return { data: soft, w: d, h: d }
}

/** A square head-part canvas turned `angle` about its centre (the neck pivot), placed there. */
async function pivotLayer(img: Raw, angle: number, pivotX: number, pivotY: number): Promise<Layer> {
  let out = img
  if (angle !== 0) {
    const { data, info } = await sharp(img.data, rawOf(img)).rotate(angle, { background: { r: 0, g: 0, b: 0, alpha: 0 } }).raw().toBuffer({ resolveWithObject: true })
    out = { data, w: info.width, h: info.height }
  }
  return { ...out, left: Math.round(pivotX - out.w / 2), top: Math.round(pivotY - out.h / 2) }
}

/**
 * One person as layers, back to front: long hair, neck and shoulders, head (skull, ears, the
 * face photo, hair over the forehead). The head parts turn `headAngle` about the neck.
 */
export async function personLayers(o: PersonOptions, frameHeight: number, rng: Rng): Promise<Layer[]> {
  const s = o.size
  const look = FACE_LOOK[o.face.person]
  const hair = rng.pick(HAIR[look.hair])
  const parting = look.long ? rng.float(-0.14, 0.14) : rng.float(-0.05, 0.05)
  const strands = rng.fork('hair')
  const hairRng = () => strands.next()
  const photo = await facePhotoLayer(o.face, s, o.skin)
  // Head and neck take the photo's own skin colour (the tint on the photo's grey levels).
  const skin = photo.skin
  const neckSkin = { r: skin.r * 0.9, g: skin.g * 0.88, b: skin.b * 0.86 }
  const body = bodySvg(o, frameHeight, neckSkin)
  const bodyLayer = await svgLayer(body.svg)

  const d = Math.round(2.8 * s)
  const photoLeft = Math.round(d / 2 - s / 2)
  const photoTop = Math.round(d / 2 - 0.45 * s - s / 2)
  const skull = await softSvg(headSvg(d, s, skin, hair, look.long, 'head', parting, hairRng), d, s)
  const front = await softSvg(headSvg(d, s, skin, hair, look.long, 'front', parting, hairRng), d, s)
  const head = {
    data: await sharp(skull.data, rawOf(skull))
      .composite([
        { input: photo.png, left: photoLeft, top: photoTop },
        { input: front.data, ...rawOf(front), left: 0, top: 0 },
      ])
      .raw()
      .toBuffer(),
    w: d,
    h: d,
  }
  // The canvas centre is the neck pivot (cx, cy + 0.45 s).
  const pivotX = o.cx
  const pivotY = o.cy + 0.45 * s
  const layers: Layer[] = []
  if (look.long) layers.push(await pivotLayer(await softSvg(headSvg(d, s, skin, hair, true, 'back', parting, hairRng), d, s), o.headAngle, pivotX, pivotY))
  layers.push({ data: bodyLayer.data, w: bodyLayer.w, h: bodyLayer.h, left: body.left, top: body.top })
  layers.push(await pivotLayer(head, o.headAngle, pivotX, pivotY))
  return layers
}
