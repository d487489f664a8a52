/**
 * The watermark on images copied or saved from the workspace (issue 9): the agent's name, the
 * time and the case, written across the whole image in diagonal rows, so that cropping any part
 * of a leaked copy keeps the text that says who exported it and when.
 */

/** Rows tilt up to the right by this much. */
export const WATERMARK_ANGLE = -Math.PI / 6
/** The text's height relative to the image's shorter side, with a floor that stays legible on thumbnails. */
export const WATERMARK_FONT_FRACTION = 1 / 22
export const WATERMARK_MIN_FONT_PX = 14

export interface WatermarkLayout {
  fontSize: number
  /** Where each copy of the text starts, in image pixels (its baseline, before the rotation about that point). */
  tiles: Array<{ x: number; y: number }>
}

export function watermarkFontSize(width: number, height: number): number {
  return Math.max(WATERMARK_MIN_FONT_PX, Math.round(Math.min(width, height) * WATERMARK_FONT_FRACTION))
}

/**
 * Copies of a text `textWidth` wide laid over a `width` × `height` image in rotated rows: rows
 * three text-heights apart, copies a gap of two text-heights apart along a row, every other
 * row shifted by half a step. The rows are laid out in the rotated frame over the square that
 * covers the whole image, and only copies that touch the image are kept.
 */
export function watermarkLayout(width: number, height: number, textWidth: number, fontSize = watermarkFontSize(width, height)): WatermarkLayout {
  const stepX = textWidth + fontSize * 2
  const stepY = fontSize * 3
  const cx = width / 2
  const cy = height / 2
  const reach = Math.hypot(width, height) / 2 + stepX
  const cos = Math.cos(WATERMARK_ANGLE)
  const sin = Math.sin(WATERMARK_ANGLE)
  const tiles: Array<{ x: number; y: number }> = []
  let row = 0
  for (let v = -reach; v <= reach; v += stepY, row++) {
    for (let u = -reach + (row % 2) * (stepX / 2); u <= reach; u += stepX) {
      // The text runs from (u, v) to (u + textWidth, v) in the rotated frame.
      const x = cx + u * cos - v * sin
      const y = cy + u * sin + v * cos
      const x2 = x + textWidth * cos
      const y2 = y + textWidth * sin
      const margin = fontSize
      const touches = Math.max(x, x2) >= -margin && Math.min(x, x2) <= width + margin && Math.max(y, y2) >= -margin && Math.min(y, y2) <= height + margin
      if (touches) tiles.push({ x, y })
    }
  }
  return { fontSize, tiles }
}

/** "Agent Smith · 28 Nov 2026, 14:03:12 UTC · BN-2026-000101". The time is UTC so every desk reads the same. */
export function watermarkText(w: { agent: string; at: string; caseId: string }, locale: string): string {
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(new Date(w.at))
  return `${w.agent} · ${when} UTC · ${w.caseId}`
}

/**
 * Draws the image and the tiled text on a canvas and returns it as a PNG. The text is white with
 * a dark outline, both half transparent, so it reads on light and dark parts of a document alike.
 */
export async function watermarkedPng(bytes: Uint8Array, mime: string, text: string): Promise<Blob> {
  const bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: mime }))
  const canvas = document.createElement('canvas')
  canvas.width = bitmap.width
  canvas.height = bitmap.height
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2D canvas')
  ctx.drawImage(bitmap, 0, 0)
  bitmap.close()
  const fontSize = watermarkFontSize(canvas.width, canvas.height)
  ctx.font = `600 ${fontSize}px system-ui, sans-serif`
  const layout = watermarkLayout(canvas.width, canvas.height, ctx.measureText(text).width, fontSize)
  ctx.lineJoin = 'round'
  ctx.lineWidth = Math.max(1.5, fontSize / 10)
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.45)'
  ctx.fillStyle = 'rgba(255, 255, 255, 0.6)'
  for (const tile of layout.tiles) {
    ctx.save()
    ctx.translate(tile.x, tile.y)
    ctx.rotate(WATERMARK_ANGLE)
    ctx.strokeText(text, 0, 0)
    ctx.fillText(text, 0, 0)
    ctx.restore()
  }
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))), 'image/png'))
}

export function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}
