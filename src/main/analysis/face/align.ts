import sharp, { type OutputInfo } from 'sharp'
import type { RgbImage } from './decode'

export interface Point { x: number; y: number }

/**
 * Geometry of face-api's own "dlib" alignment (FaceLandmarks.alignDlib), which its descriptor
 * network was trained with: a square of side (eye-to-mouth distance / 0.45), centred
 * horizontally on the centroid of the two eye centres and the mouth centre, with that centroid
 * 43% of the way down. We add what face-api leaves out: the face is turned so the eyes are level.
 */
const REL_SCALE = 0.45
const REL_Y = 0.43

export interface AlignedFace {
  /** RGB pixels of the aligned square crop, `size` x `size`. */
  rgb: RgbImage
  /** Eye-line angle that was removed, degrees (positive: the head leans toward the image's right shoulder side, clockwise). */
  rollDeg: number
  /** Side of the aligned square in the analysed image, pixels. */
  sidePx: number
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y)

export async function alignFace(img: RgbImage, eyes: [Point, Point], mouth: Point, size: number): Promise<AlignedFace> {
  const [left, right] = eyes[0].x <= eyes[1].x ? eyes : [eyes[1], eyes[0]]
  const roll = Math.atan2(right.y - left.y, right.x - left.x)
  const side = Math.max(8, (dist(mouth, left) + dist(mouth, right)) / 2 / REL_SCALE)
  const ref = { x: (left.x + right.x + mouth.x) / 3, y: (left.y + right.y + mouth.y) / 3 }

  // A square around the reference point, big enough that the aligned square stays inside it
  // after turning; parts outside the photo become black, as in face-api's own crops.
  const half = Math.ceil(0.8 * side)
  const x0 = Math.round(ref.x) - half
  const y0 = Math.round(ref.y) - half
  const span = 2 * half
  const ix0 = Math.max(0, x0)
  const iy0 = Math.max(0, y0)
  const ix1 = Math.min(img.width, x0 + span)
  const iy1 = Math.min(img.height, y0 + span)
  const raw = { raw: { width: img.width, height: img.height, channels: 3 as const } }
  const black = { r: 0, g: 0, b: 0 }
  let around: { data: Buffer; info: OutputInfo }
  if (ix1 <= ix0 || iy1 <= iy0) {
    around = await sharp({ create: { width: span, height: span, channels: 3, background: black } }).raw().toBuffer({ resolveWithObject: true })
  } else {
    const inside = await sharp(img.data, raw).extract({ left: ix0, top: iy0, width: ix1 - ix0, height: iy1 - iy0 }).raw().toBuffer({ resolveWithObject: true })
    around = await sharp(inside.data, { raw: { width: inside.info.width, height: inside.info.height, channels: 3 } })
      .extend({ left: ix0 - x0, top: iy0 - y0, right: x0 + span - ix1, bottom: y0 + span - iy1, background: black })
      .raw()
      .toBuffer({ resolveWithObject: true })
  }
  const turned = await sharp(around.data, { raw: { width: around.info.width, height: around.info.height, channels: 3 } })
    .rotate((-roll * 180) / Math.PI, { background: black })
    .raw()
    .toBuffer({ resolveWithObject: true })
  // The reference point sat at the centre of `around` (up to rounding) and rotation keeps the centre.
  const cx = turned.info.width / 2 + (ref.x - (x0 + half))
  const cy = turned.info.height / 2 + (ref.y - (y0 + half))
  const s = Math.round(side)
  const left0 = Math.max(0, Math.min(turned.info.width - s, Math.round(cx - 0.5 * side)))
  const top0 = Math.max(0, Math.min(turned.info.height - s, Math.round(cy - REL_Y * side)))
  const crop = await sharp(turned.data, { raw: { width: turned.info.width, height: turned.info.height, channels: 3 } })
    .extract({ left: left0, top: top0, width: s, height: s })
    .resize(size, size, { kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { rgb: { data: crop.data, width: size, height: size }, rollDeg: (roll * 180) / Math.PI, sidePx: side }
}

export function rgbToPng(img: RgbImage): Promise<Buffer> {
  return sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } }).png({ compressionLevel: 6 }).toBuffer()
}
