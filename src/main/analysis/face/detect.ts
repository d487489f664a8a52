import sharp from 'sharp'
import type { Region } from '../../../shared/domain/finding'
import { alignFace, rgbToPng, type Point } from './align'
import type { GreyPlane } from './image-stats'
import { decodeForFaces, lumaOf, type RgbImage } from './decode'
import { backgroundLuma, boxLuma, boxSpread, directionalSharpness, greyVariance, laplacianVariance, type PixelBox } from './image-stats'
import { DETECTION_VIEWS, viewImages, type DetectionView, type ViewImage } from './detection-views'
import { loadFaceModels, type FaceModels } from './models'

/** Side of the aligned face crop, px: face-api's descriptor network reads 150 px, stored crops a little more. */
export const ALIGNED_SIZE = 160

export interface HeadPose {
  /** Degrees; 0 = facing the camera. Signs as Human reports them. */
  yaw: number
  pitch: number
  roll: number
}

/** Photographic measurements of one face, for FACE_CAPTURE_FAILED. */
export interface FaceQuality {
  /** Mean luma (0..255) of the face itself (centre of the aligned crop: eyes, nose, mouth). */
  faceLuma: number
  /** Share of face pixels at 250 or above (burnt-out skin). */
  faceClipped: number
  /** Mean luma of the frame outside the face and its surroundings. */
  backgroundLuma: number
  /** Laplacian variance of the aligned crop's grey image at ALIGNED_SIZE px. */
  sharpness: number
  /**
   * The same divided by the crop's grey-level variance: edge energy per unit of contrast, so a
   * dark or flat-lit face is not mistaken for a blurred one.
   */
  relativeSharpness: number
  /**
   * Sharpness along the blurriest direction (second difference along rows, columns or a
   * diagonal, the weakest) over the grey-level variance: also low for motion blur, which
   * leaves edges across the motion sharp.
   */
  directionalSharpness: number
  /**
   * Grey-level spread around the mouth (lips, mouth line, teeth) over the spread of the whole
   * inner face: a flat mask leaves the mouth area flat while the mesh still places the mouth.
   * Measured for FACE_COVERED, which stays off: pleated and printed masks and a hand overlap
   * uncovered faces and beards (tests/bench/face-occlusion.ts, docs/analysis/face.md).
   */
  mouthContrast: number
}

export interface FaceObservation {
  index: number
  /** The face outline (extent of the 468 mesh points), in pixels of the original image (EXIF orientation applied). */
  box: PixelBox
  /** The same box normalised to 0..1, for overlays. */
  region: Region
  /** Human's overall face score (detector and mesh), 0..1. */
  score: number
  /** The view of the image the detector found it in (see detection-views.ts): `square` unless it took a retry. */
  view: DetectionView
  boxScore: number
  /** Mesh confidence: how well the 468-point face model fits (drops when the face is hidden). */
  meshScore: number
  /** Eye centres in original pixels, image-left first. */
  eyes: { left: Point; right: Point }
  mouth: Point
  /** Side of the aligned square (eyebrows to chin, about the face's width), original pixels. */
  faceSizePx: number
  pose: HeadPose | null
  /**
   * Eye openness: lid gap over the eye region's height (Human's blink gesture measure), the
   * smaller of the two eyes; null when the mesh has no eye points.
   */
  eyesOpen: number | null
  /** Aligned face, eyes level, ALIGNED_SIZE px square, PNG. */
  crop: Buffer
  /** face-api's 128-d descriptor of the aligned crop. */
  descriptor: Float32Array
  quality: FaceQuality
}

export interface FaceImage {
  width: number
  height: number
  faces: FaceObservation[]
  /** The views the detector was run on, in order: one when the first found a face, all when none did. */
  views: DetectionView[]
  /** Wall time of decode + detection + alignment + description, ms. */
  ms: number
}

export interface DetectOptions {
  /** Longer side the image is scaled down to before detection, px. */
  maxSide: number
  maxInputPixels: number
  /** Background ring: margin around the face box excluded from the background, in box sizes. */
  backgroundMargin: number
}

export const DEFAULT_DETECT_OPTIONS: DetectOptions = { maxSide: 1600, maxInputPixels: 100_000_000, backgroundMargin: 0.25 }

type Mesh = [number, number, number?][]
const RAD = 180 / Math.PI

function centroid(mesh: Mesh, idx: readonly number[]): Point {
  let x = 0
  let y = 0
  for (const i of idx) {
    x += mesh[i][0]
    y += mesh[i][1]
  }
  return { x: x / idx.length, y: y / idx.length }
}

// Mesh indices (MediaPipe face mesh, as Human numbers them): eye contours, outer lips.
const EYE_A = [33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246]
const EYE_B = [263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466]
const MOUTH = [61, 185, 40, 39, 37, 0, 267, 269, 270, 409, 291, 375, 321, 405, 314, 17, 84, 181, 91, 146]
// Mouth corners and the top and bottom of the lips; cheeks at the ears, forehead top, chin.
const MOUTH_EXTENT = [61, 291, 0, 17]
const FACE_EXTENT = [234, 454, 10, 152]

function extentOf(mesh: Mesh, idx: readonly number[], grow: number): PixelBox {
  const xs = idx.map((i) => mesh[i][0])
  const ys = idx.map((i) => mesh[i][1])
  const x0 = Math.min(...xs)
  const y0 = Math.min(...ys)
  const w = Math.max(...xs) - x0
  const h = Math.max(...ys) - y0
  return { x: x0 - grow * w, y: y0 - grow * h, w: w * (1 + 2 * grow), h: h * (1 + 2 * grow) }
}

/** See FaceQuality.mouthContrast; the face box is shrunk by a tenth on each side to leave out hair and background. */
function mouthContrast(grey: GreyPlane, mesh: Mesh): number {
  const face = boxSpread(grey, extentOf(mesh, FACE_EXTENT, -0.1))
  return face > 0 ? boxSpread(grey, extentOf(mesh, MOUTH_EXTENT, 0.1)) / face : 0
}

/** Human's blink measure: lid gap at the eye's centre over the height of the eye's wider surround. */
function eyeOpenness(mesh: Mesh): number | null {
  if (mesh.length < 468) return null
  const ratio = (a: number, b: number, c: number, d: number) => {
    const outer = Math.abs(mesh[c][1] - mesh[d][1])
    return outer > 0 ? Math.abs(mesh[a][1] - mesh[b][1]) / outer : 0
  }
  return Math.min(ratio(374, 386, 443, 450), ratio(145, 159, 223, 230))
}

function greyOf(img: RgbImage) {
  return { data: lumaOf(img), width: img.width, height: img.height }
}

/** Human's own box is the detector's square grown 1.4x; the mesh extent hugs the face, which is what an overlay should show. */
function meshExtent(mesh: Mesh, width: number, height: number): PixelBox {
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (const [x, y] of mesh) {
    x0 = Math.min(x0, x)
    y0 = Math.min(y0, y)
    x1 = Math.max(x1, x)
    y1 = Math.max(y1, y)
  }
  x0 = Math.max(0, x0)
  y0 = Math.max(0, y0)
  x1 = Math.min(width, x1)
  y1 = Math.min(height, y1)
  return { x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) }
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v))

async function describe(models: FaceModels, crop: RgbImage): Promise<Float32Array> {
  const { faceapi } = models
  const tensor = faceapi.tf.tensor3d(new Int32Array(crop.data), [crop.height, crop.width, 3], 'int32')
  try {
    const out = await faceapi.computeFaceDescriptor(tensor as never)
    return Array.isArray(out) ? out[0] : (out as Float32Array)
  } finally {
    tensor.dispose()
  }
}

/**
 * The aligned crop's grey image at the face's own resolution when that is below the crop's:
 * a small face enlarged to ALIGNED_SIZE is smooth by construction, which a blur measure would
 * take for defocus (a 59 px passport portrait read 0.001, a tenth of the blur limit, at 160 px).
 */
async function atNativeSize(crop: RgbImage, sidePx: number): Promise<GreyPlane> {
  const side = Math.round(sidePx)
  if (side >= crop.width) return greyOf(crop)
  const size = Math.max(24, side)
  const { data } = await sharp(crop.data, { raw: { width: crop.width, height: crop.height, channels: 3 } })
    .resize(size, size, { kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true })
  return greyOf({ data, width: size, height: size })
}

/** One face as the detector and mesh found it, in the analysed frame's pixels. */
interface FoundFace {
  mesh: Mesh
  box: PixelBox
  score: number
  boxScore: number
  meshScore: number
  angle: { yaw: number; pitch: number; roll: number } | undefined
  view: DetectionView
}

async function detectIn(models: FaceModels, view: DetectionView, v: ViewImage, frame: RgbImage): Promise<FoundFace[]> {
  const { human } = models
  const { image } = v
  const input = human.tf.tensor3d(new Int32Array(image.data), [image.height, image.width, 3], 'int32')
  let result
  try {
    result = await human.detect(input as never)
  } finally {
    input.dispose()
  }
  const out: FoundFace[] = []
  for (const f of result.face) {
    if (!f.mesh || f.mesh.length < 468) continue
    const mesh = (f.mesh as Mesh).map(([x, y, z]) => [x + v.offsetX, y + v.offsetY, z] as [number, number, number?])
    const box = meshExtent(mesh, frame.width, frame.height)
    // A face in the letterbox padding is not in the picture.
    if (box.w <= 0 || box.h <= 0) continue
    out.push({ mesh, box, score: f.score, boxScore: f.boxScore, meshScore: f.faceScore, angle: f.rotation?.angle, view })
  }
  return out
}

const area = (b: PixelBox) => b.w * b.h

function overlap(a: PixelBox, b: PixelBox): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

/**
 * One face per head: a detection lying mostly (> half its box) inside a more confident one is
 * the same face found twice (overlapping tiles, or a second box on the chin); two people's
 * faces never overlap that much in a photo.
 */
export function suppressOverlapping<T extends { box: PixelBox; score: number }>(faces: readonly T[]): T[] {
  const kept: T[] = []
  for (const f of [...faces].sort((a, b) => b.score - a.score || area(b.box) - area(a.box))) {
    const duplicate = kept.some((k) => {
      const shared = overlap(f.box, k.box)
      return shared > 0.5 * area(f.box) || shared > 0.5 * area(k.box)
    })
    if (!duplicate) kept.push(f)
  }
  return kept
}

/** Runs the detector on the views of detection-views.ts in order until one shows a face. */
async function findFaces(models: FaceModels, rgb: RgbImage): Promise<{ faces: FoundFace[]; views: DetectionView[] }> {
  const views: DetectionView[] = []
  for (const view of DETECTION_VIEWS) {
    views.push(view)
    const found: FoundFace[] = []
    for (const v of viewImages(view, rgb)) found.push(...(await detectIn(models, view, v, rgb)))
    const faces = suppressOverlapping(found)
    if (faces.length > 0) return { faces, views }
  }
  return { faces: [], views }
}

let queue: Promise<unknown> = Promise.resolve()

/**
 * Every face in an image: box, landmarks, pose, eye openness, an aligned crop and its
 * descriptor, plus photographic measurements (brightness, backlight, sharpness) of each face.
 * Calls run one at a time: Human keeps per-call state in its instance.
 */
export function inspectFaces(bytes: Buffer, options: DetectOptions = DEFAULT_DETECT_OPTIONS): Promise<FaceImage> {
  const run = queue.then(() => inspectNow(bytes, options))
  queue = run.catch(() => undefined)
  return run
}

async function inspectNow(bytes: Buffer, options: DetectOptions): Promise<FaceImage> {
  const models = await loadFaceModels()
  const start = performance.now()
  const decoded = await decodeForFaces(bytes, options.maxSide, options.maxInputPixels)
  const { rgb, scale } = decoded
  const { faces: found, views } = await findFaces(models, rgb)
  const grey = greyOf(rgb)
  const faces: FaceObservation[] = []
  for (const f of found) {
    const mesh = f.mesh
    const eyeA = centroid(mesh, EYE_A)
    const eyeB = centroid(mesh, EYE_B)
    const mouth = centroid(mesh, MOUTH)
    const aligned = await alignFace(rgb, [eyeA, eyeB], mouth, ALIGNED_SIZE)
    const box = f.box
    const cropGrey = greyOf(aligned.rgb)
    const inner = { x: ALIGNED_SIZE * 0.2, y: ALIGNED_SIZE * 0.2, w: ALIGNED_SIZE * 0.6, h: ALIGNED_SIZE * 0.65 }
    const faceLum = boxLuma(cropGrey, inner)
    const sharpness = laplacianVariance(cropGrey)
    const contrast = greyVariance(cropGrey)
    const native = await atNativeSize(aligned.rgb, aligned.sidePx)
    const angle = f.angle
    const [left, right] = eyeA.x <= eyeB.x ? [eyeA, eyeB] : [eyeB, eyeA]
    const toOriginal = (p: Point): Point => ({ x: p.x * scale, y: p.y * scale })
    faces.push({
      index: faces.length,
      box: { x: box.x * scale, y: box.y * scale, w: box.w * scale, h: box.h * scale },
      region: {
        x: clamp01(box.x / rgb.width),
        y: clamp01(box.y / rgb.height),
        w: clamp01(box.w / rgb.width),
        h: clamp01(box.h / rgb.height),
      },
      score: f.score,
      view: f.view,
      boxScore: f.boxScore,
      meshScore: f.meshScore,
      eyes: { left: toOriginal(left), right: toOriginal(right) },
      mouth: toOriginal(mouth),
      faceSizePx: aligned.sidePx * scale,
      pose: angle ? { yaw: angle.yaw * RAD, pitch: angle.pitch * RAD, roll: angle.roll * RAD } : null,
      eyesOpen: eyeOpenness(mesh),
      crop: await rgbToPng(aligned.rgb),
      descriptor: await describe(models, aligned.rgb),
      quality: {
        faceLuma: faceLum.mean,
        faceClipped: faceLum.clipped,
        backgroundLuma: backgroundLuma(grey, box, options.backgroundMargin),
        sharpness,
        relativeSharpness: sharpness / Math.max(1, contrast),
        directionalSharpness: directionalSharpness(native) / Math.max(1, greyVariance(native)),
        mouthContrast: mouthContrast(grey, mesh),
      },
    })
  }
  // Largest first: the main face of a selfie, the portrait of a document.
  faces.sort((a, b) => b.box.w * b.box.h - a.box.w * a.box.h)
  faces.forEach((f, i) => { f.index = i })
  return { width: decoded.originalWidth, height: decoded.originalHeight, faces, views, ms: performance.now() - start }
}

/** The faces of one image (see inspectFaces), largest first. */
export async function detectFaces(image: Buffer): Promise<FaceObservation[]> {
  return (await inspectFaces(image)).faces
}
