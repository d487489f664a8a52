import type { RgbImage } from './decode'

/**
 * The views of one image the face detector is run on, in order, until one shows a face.
 *
 * Human's BlazeFace detector squeezes its whole input into a 256×256 square. A 16:9 webcam
 * frame or a 9:16 phone selfie is therefore squashed by 1.78 before the detector sees it, and
 * a squashed face is found with lower confidence, a poorer box and sometimes not at all (on the
 * demo corpora before this: 3 of ~240 faces missed, boxes 0.5-0.8 confident; letterboxed,
 * 0.8-0.95). So the first view keeps the aspect ratio; the others are retries for what stays
 * hard, a face far from the camera:
 * - `square`: the frame letterboxed to a square (padded right and bottom, so coordinates stay);
 * - `frame`: the frame as it is (a small face gets 1.78× more detector pixels one way);
 * - `tiles`: overlapping squares of the shorter side (at most 0.6 of the longer side), each
 *   scaled to the detector on its own.
 * A contrast-normalised retry was measured and left out: the detector found every face it was
 * tried on at face luma 4-13 (dark), at a contrast of 0.05 (fog) and burnt out, in the first view.
 */
export type DetectionView = 'square' | 'frame' | 'tiles'
export const DETECTION_VIEWS: readonly DetectionView[] = ['square', 'frame', 'tiles']

/** One image handed to the detector, and where its pixel (0, 0) lies in the analysed frame. */
export interface ViewImage {
  image: RgbImage
  offsetX: number
  offsetY: number
}

/** The frame padded with black on the right or bottom to a square. */
export function letterbox(img: RgbImage): RgbImage {
  const side = Math.max(img.width, img.height)
  if (img.width === side && img.height === side) return img
  const data = Buffer.alloc(side * side * 3)
  const row = img.width * 3
  for (let y = 0; y < img.height; y++) img.data.copy(data, y * side * 3, y * row, (y + 1) * row)
  return { data, width: side, height: side }
}

/** A rectangle of the frame as its own image. */
export function crop(img: RgbImage, x: number, y: number, w: number, h: number): RgbImage {
  const data = Buffer.alloc(w * h * 3)
  for (let row = 0; row < h; row++) img.data.copy(data, row * w * 3, ((y + row) * img.width + x) * 3, ((y + row) * img.width + x + w) * 3)
  return { data, width: w, height: h }
}

/** Start positions of `tile`-long windows over `length`, overlapping by a quarter or more, the last flush with the end. */
function starts(length: number, tile: number): number[] {
  if (tile >= length) return [0]
  const count = Math.ceil((length - tile) / (0.75 * tile)) + 1
  return Array.from({ length: count }, (_, i) => Math.round(((length - tile) * i) / (count - 1)))
}

/** Overlapping squares of side min(shorter side, 0.6 × longer side) covering the frame. */
export function tiles(img: RgbImage): ViewImage[] {
  const side = Math.round(Math.min(img.width, img.height, 0.6 * Math.max(img.width, img.height)))
  const out: ViewImage[] = []
  for (const y of starts(img.height, side)) for (const x of starts(img.width, side)) out.push({ image: crop(img, x, y, side, side), offsetX: x, offsetY: y })
  return out
}

/** The images of one view of the frame. */
export function viewImages(view: DetectionView, img: RgbImage): ViewImage[] {
  switch (view) {
    case 'square':
      return [{ image: letterbox(img), offsetX: 0, offsetY: 0 }]
    case 'frame':
      return [{ image: img, offsetX: 0, offsetY: 0 }]
    case 'tiles':
      return tiles(img)
  }
}
