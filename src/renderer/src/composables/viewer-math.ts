/**
 * The image viewer's geometry. The view is stored relative to "fit" (zoom 1 = the whole image in
 * the box) and pans in screen pixels from the box centre, so two viewers of differently sized
 * images can share one view when "sync" is on and a resized window keeps its framing.
 */
export interface ViewState {
  zoom: number
  panX: number
  panY: number
}
export interface Size {
  width: number
  height: number
}
export interface Point {
  x: number
  y: number
}

export const MIN_ZOOM = 0.25
export const MAX_ZOOM = 32
export const FIT_VIEW: ViewState = Object.freeze({ zoom: 1, panX: 0, panY: 0 })

export function normaliseRotation(degrees: number): 0 | 90 | 180 | 270 {
  return ((((Math.round(degrees / 90) * 90) % 360) + 360) % 360) as 0 | 90 | 180 | 270
}

/** Rotates by quarter turns (+1 clockwise, -1 counter-clockwise). */
export function rotateBy(rotation: number, quarterTurns: number): 0 | 90 | 180 | 270 {
  return normaliseRotation(rotation + quarterTurns * 90)
}

/** The image's size on screen at scale 1 once rotated (90/270 swap width and height). */
export function rotatedSize(image: Size, rotation: number): Size {
  const r = normaliseRotation(rotation)
  return r === 90 || r === 270 ? { width: image.height, height: image.width } : { ...image }
}

/** Scale (screen px per image px) at which the rotated image fits inside the box. */
export function fitScale(image: Size, box: Size, rotation: number): number {
  const r = rotatedSize(image, rotation)
  if (r.width <= 0 || r.height <= 0 || box.width <= 0 || box.height <= 0) return 1
  return Math.min(box.width / r.width, box.height / r.height)
}

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom))
}

/** Screen px per image px for a view. */
export function effectiveScale(view: ViewState, image: Size, box: Size, rotation: number): number {
  return fitScale(image, box, rotation) * view.zoom
}

/**
 * Zooms by `factor` keeping the image point under `around` (screen px from the box centre) where it
 * is, as wheel zoom should. Without `around`, zooms around the box centre.
 */
export function zoomAround(view: ViewState, factor: number, around: Point = { x: 0, y: 0 }): ViewState {
  const zoom = clampZoom(view.zoom * factor)
  const k = zoom / view.zoom
  return { zoom, panX: around.x - (around.x - view.panX) * k, panY: around.y - (around.y - view.panY) * k }
}

/** The view that shows the image at 100 % (one image pixel per screen pixel), centred. */
export function actualSizeView(image: Size, box: Size, rotation: number): ViewState {
  return { zoom: clampZoom(1 / fitScale(image, box, rotation)), panX: 0, panY: 0 }
}

export function panBy(view: ViewState, dx: number, dy: number): ViewState {
  return { ...view, panX: view.panX + dx, panY: view.panY + dy }
}

/**
 * CSS transform for an element of the image's natural size placed at the box's top-left with
 * `transform-origin: 0 0`: centre it, rotate, scale. Overlays inside that element follow the image.
 */
export function imageTransform(view: ViewState, image: Size, box: Size, rotation: number): string {
  const s = effectiveScale(view, image, box, rotation)
  const r = normaliseRotation(rotation)
  const tx = box.width / 2 + view.panX
  const ty = box.height / 2 + view.panY
  return `translate(${round(tx)}px, ${round(ty)}px) rotate(${r}deg) scale(${round(s, 6)}) translate(${round(-image.width / 2)}px, ${round(-image.height / 2)}px)`
}

/** Where an image pixel lands in the box (the same mapping as imageTransform), for tests and hit-testing. */
export function imageToScreen(p: Point, view: ViewState, image: Size, box: Size, rotation: number): Point {
  const s = effectiveScale(view, image, box, rotation)
  const x = (p.x - image.width / 2) * s
  const y = (p.y - image.height / 2) * s
  const r = (normaliseRotation(rotation) * Math.PI) / 180
  const cos = Math.round(Math.cos(r))
  const sin = Math.round(Math.sin(r))
  return { x: box.width / 2 + view.panX + x * cos - y * sin, y: box.height / 2 + view.panY + x * sin + y * cos }
}

function round(n: number, digits = 3): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}
