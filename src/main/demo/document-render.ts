import sharp, { type OverlayOptions } from 'sharp'
import type { Address } from './people'
import type { Rng } from './prng'
import { facePath, mrzFontPath, specimenPixels, type Box, type FacePerson, type PrintedField, type RawImage, type Specimen } from './specimens'

/**
 * Makes a fresh identity document from a specimen: the old MRZ is painted over with the
 * surrounding background and new lines are set in OCR-B; the portrait is replaced by a photo of
 * one of the four demo people; the printed name and number fields are painted over the same way
 * and set with the person's data. The other printed fields (dates, places) keep the specimen's
 * text — see docs/demo-corpus.md, "Caveats".
 */

interface PixelBox {
  left: number
  top: number
  width: number
  height: number
}

function toPixels(box: Box, width: number, height: number): PixelBox {
  const left = Math.max(0, Math.round(box.x * width))
  const top = Math.max(0, Math.round(box.y * height))
  return {
    left,
    top,
    width: Math.min(width - left, Math.max(1, Math.round(box.w * width))),
    height: Math.min(height - top, Math.max(1, Math.round(box.h * height))),
  }
}

function median(values: number[]): number {
  values.sort((a, b) => a - b)
  return values[values.length >> 1]
}

/**
 * Paints over one MRZ line: each column is filled with a vertical blend between the background
 * just above and just below the line (median of a 5-column × 3-row strip, so stray ink does not
 * leak in), plus faint sensor noise. Keeps the low-frequency pattern of security backgrounds,
 * which a flat fill would not.
 */
function eraseLine(img: RawImage, line: PixelBox, pitch: number, rng: Rng): void {
  const { data, width, height } = img
  const padX = Math.ceil(pitch * 0.6)
  const padY = Math.ceil(line.height * 0.3)
  const x0 = Math.max(0, line.left - padX)
  const x1 = Math.min(width - 1, line.left + line.width + padX)
  const y0 = Math.max(3, line.top - padY)
  const y1 = Math.min(height - 4, line.top + line.height + padY)
  const sample = (x: number, rows: number[], c: number): number => {
    const values: number[] = []
    for (const y of rows) for (let dx = -2; dx <= 2; dx++) {
      const xx = Math.min(width - 1, Math.max(0, x + dx))
      values.push(data[(y * width + xx) * 3 + c])
    }
    return median(values)
  }
  const above = [y0 - 3, y0 - 2, y0 - 1]
  const below = [y1 + 1, y1 + 2, y1 + 3]
  const span = y1 - y0 + 2
  for (let x = x0; x <= x1; x++) {
    const top = [0, 1, 2].map((c) => sample(x, above, c))
    const bottom = [0, 1, 2].map((c) => sample(x, below, c))
    for (let y = y0; y <= y1; y++) {
      const t = (y - y0 + 1) / span
      const noise = rng.normal() * 1.2
      for (let c = 0; c < 3; c++) {
        const v = top[c] * (1 - t) + bottom[c] * t + noise
        data[(y * width + x) * 3 + c] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v)
      }
    }
  }
}

/** One MRZ line as an alpha mask of exactly w × h pixels (ink extent), set in OCR-B. */
async function lineMask(text: string, w: number, h: number): Promise<Buffer> {
  const markup = text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  // Render at about twice the target cap height (600 dpi gives ~74 px), then scale down.
  const dpi = Math.max(150, Math.min(600, Math.round((h * 2 * 600) / 74)))
  const rendered = await sharp({ text: { text: markup, font: 'OCR B', fontfile: mrzFontPath(), dpi, rgba: false } })
    .extractChannel(0)
    .png()
    .toBuffer()
  // Printed MRZ ink bleeds slightly: a light blur after scaling matches the specimens' scans.
  return sharp(rendered)
    .resize(w, h, { fit: 'fill', kernel: 'lanczos3' })
    .blur(0.5)
    .extractChannel(0)
    .raw()
    .toBuffer()
}

function inkLayer(mask: Buffer, w: number, h: number, ink: string): Buffer {
  const r = parseInt(ink.slice(1, 3), 16)
  const g = parseInt(ink.slice(3, 5), 16)
  const b = parseInt(ink.slice(5, 7), 16)
  const out = Buffer.alloc(w * h * 4)
  for (let i = 0; i < w * h; i++) {
    out[i * 4] = r
    out[i * 4 + 1] = g
    out[i * 4 + 2] = b
    out[i * 4 + 3] = mask[i]
  }
  return out
}

async function portraitLayer(person: FacePerson, photo: number, box: PixelBox, tone: Specimen['portraitTone'] | 'ghost'): Promise<Buffer> {
  const grey = await sharp(facePath(person, photo)).removeAlpha().greyscale().toColourspace('srgb').png().toBuffer()
  let img = sharp(grey)
  if (tone === 'colour') img = img.linear(0.88, 18).tint({ r: 226, g: 196, b: 172 })
  else if (tone === 'faded') img = img.linear(0.72, 58).tint({ r: 232, g: 214, b: 205 })
  else if (tone === 'ghost') img = img.linear(0.5, 105).tint({ r: 230, g: 200, b: 200 })
  else img = img.linear(0.92, 12)
  return img.resize(box.width, box.height, { fit: 'cover', position: 'centre' }).toColourspace('srgb').png().toBuffer()
}

export interface DocumentFace {
  person: FacePerson
  photo: number
}

/** What the printed name and number fields say. */
export interface PrintedData {
  lastName: string
  firstName: string
  nativeName?: string
  documentNumber: string
}

const FONT_FAMILY: Record<NonNullable<PrintedField['font']>, string> = { sans: 'DejaVu Sans', mono: 'DejaVu Sans Mono', cjk: 'Noto Sans CJK TC' }
/** Cap height of those fonts as a share of the font size; a field box is the cap height of the old text. */
const CAP_HEIGHT: Record<NonNullable<PrintedField['font']>, number> = { sans: 0.73, mono: 0.73, cjk: 0.88 }
/** Mean advance of an upper-case character (a CJK one is square), as a share of the font size. */
const ADVANCE: Record<NonNullable<PrintedField['font']>, number> = { sans: 0.7, mono: 0.6, cjk: 1 }

function printedText(field: PrintedField['field'], data: PrintedData): string {
  const upper = (v: string) => v.toLocaleUpperCase('en')
  switch (field) {
    case 'lastName':
      return upper(data.lastName)
    case 'firstName':
      return upper(data.firstName)
    case 'fullName':
      return `${upper(data.lastName)}, ${upper(data.firstName)}`
    case 'nativeName':
      return data.nativeName ?? ''
    case 'documentNumber':
      return data.documentNumber
    case 'documentSeries':
      return data.documentNumber.replace(/\d.*$/, '')
    case 'documentSerial':
      return data.documentNumber.replace(/^[A-Z]+/, '')
  }
}

/** The colour of a field's ink: the median of its darkest quarter of pixels. */
function inkColour(img: RawImage, box: PixelBox): string {
  const px: [number, number, number, number][] = []
  for (let y = box.top; y < box.top + box.height; y++) {
    for (let x = box.left; x < box.left + box.width; x++) {
      const i = (y * img.width + x) * 3
      const r = img.data[i]
      const g = img.data[i + 1]
      const b = img.data[i + 2]
      px.push([0.299 * r + 0.587 * g + 0.114 * b, r, g, b])
    }
  }
  px.sort((a, b) => a[0] - b[0])
  const dark = px.slice(0, Math.max(1, Math.floor(px.length / 4)))
  const mid = dark[dark.length >> 1]
  return `#${[mid[1], mid[2], mid[3]].map((v) => v.toString(16).padStart(2, '0')).join('')}`
}

/**
 * Paints over the specimen's printed name and number fields and sets the person's data in their
 * place: same left edge, same baseline, same cap height and ink colour, in a font of the same kind
 * (sans, monospaced, Han characters), narrowed when the new text is much longer than the old.
 */
function printedLayer(img: RawImage, fields: readonly PrintedField[], data: PrintedData, rng: Rng): OverlayOptions | null {
  const texts: string[] = []
  for (const f of fields) {
    const text = printedText(f.field, data)
    const box = toPixels(f.box, img.width, img.height)
    const ink = inkColour(img, box)
    eraseLine(img, box, box.height, rng)
    if (!text) continue
    const font = f.font ?? 'sans'
    const size = Math.min(box.height / CAP_HEIGHT[font], (Math.max(box.width * 1.5, box.height * 4) / [...text].length) / ADVANCE[font])
    texts.push(
      `<text x="${box.left}" y="${box.top + box.height}" font-family="${FONT_FAMILY[font]}" font-size="${size.toFixed(1)}" fill="${ink}">${xml(text)}</text>`,
    )
  }
  if (!texts.length) return null
  return { input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${img.width}" height="${img.height}">${texts.join('')}</svg>`), left: 0, top: 0 }
}

/** The clean front (or single page) of a document, as raw RGB. */
export async function renderDocumentFront(specimen: Specimen, mrz: string[], face: DocumentFace | null, rng: Rng, printed?: PrintedData): Promise<RawImage> {
  if (mrz.length !== specimen.mrzLines.length) throw new Error(`${specimen.file} takes ${specimen.mrzLines.length} MRZ lines, got ${mrz.length}`)
  const base = await specimenPixels(specimen.file)
  const img: RawImage = { ...base, data: Buffer.from(base.data) }
  const layers: OverlayOptions[] = []
  const lineBoxes = specimen.mrzLines.map((b) => toPixels(b, img.width, img.height))
  for (let i = 0; i < lineBoxes.length; i++) {
    const box = lineBoxes[i]
    eraseLine(img, box, box.width / mrz[i].length, rng)
  }
  for (let i = 0; i < lineBoxes.length; i++) {
    const box = lineBoxes[i]
    const mask = await lineMask(mrz[i], box.width, box.height)
    layers.push({ input: inkLayer(mask, box.width, box.height, specimen.ink), raw: { width: box.width, height: box.height, channels: 4 }, left: box.left, top: box.top })
  }
  if (printed && specimen.printed) {
    const layer = printedLayer(img, specimen.printed, printed, rng.fork('printed'))
    if (layer) layers.push(layer)
  }
  for (const blank of specimen.blanks ?? []) {
    const box = toPixels(blank, img.width, img.height)
    layers.push({ input: { create: { width: box.width, height: box.height, channels: 3, background: '#ffffff' } }, left: box.left, top: box.top })
  }
  if (face) {
    const box = toPixels(specimen.portrait, img.width, img.height)
    layers.push({ input: await portraitLayer(face.person, face.photo, box, specimen.portraitTone), left: box.left, top: box.top })
    if (specimen.ghostPortrait) {
      const ghost = toPixels(specimen.ghostPortrait, img.width, img.height)
      layers.push({ input: await portraitLayer(face.person, face.photo, ghost, 'ghost'), left: ghost.left, top: ghost.top })
    }
  } else {
    // No portrait (a photocopy with the photo blanked out): paint the box in the card's tone.
    const box = toPixels(specimen.portrait, img.width, img.height)
    layers.push({ input: { create: { width: box.width, height: box.height, channels: 3, background: '#e9e6e1' } }, left: box.left, top: box.top })
  }
  const { data, info } = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
    .composite(layers)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height, channels: 3 }
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export interface BackSideText {
  address: Address
  issuedOn: string
  authority: string
  cardNumber: string
}

/**
 * The back of an identity card (the specimens have fronts only): address, issuing authority,
 * issue date and a barcode, on a fine guilloche background, at the front's size.
 */
export async function renderIdBack(specimen: Specimen, text: BackSideText, rng: Rng): Promise<RawImage> {
  const w = specimen.width
  const h = specimen.height
  const s = w / 600
  const grey = specimen.portraitTone === 'grey'
  const paper = grey ? '#e4e4e2' : '#f4f1ea'
  const lineColour = grey ? '#cfcfcc' : '#d9d2e6'
  const waves: string[] = []
  // Guilloche: a few long smooth waves (cubic segments), cheap to rasterise.
  for (let i = 0; i < 16; i++) {
    const y = (h / 16) * (i + 0.5)
    const a = (6 + rng.float(0, 8)) * s
    const step = 80 * s
    let d = `M0 ${y.toFixed(1)}`
    for (let x = 0, k = 0; x < w; x += step, k++) {
      const dir = k % 2 === 0 ? -1 : 1
      d += ` C${(x + step / 3).toFixed(1)} ${(y + dir * a).toFixed(1)} ${(x + (2 * step) / 3).toFixed(1)} ${(y + dir * a).toFixed(1)} ${(x + step).toFixed(1)} ${y.toFixed(1)}`
    }
    waves.push(`<path d="${d}" stroke="${lineColour}" stroke-width="${(0.8 * s).toFixed(2)}" fill="none"/>`)
  }
  const bars: string[] = []
  let x = 40 * s
  while (x < w - 40 * s) {
    const bw = rng.int(1, 3) * 1.6 * s
    if (rng.chance(0.55)) bars.push(`<rect x="${x.toFixed(1)}" y="${(h - 110 * s).toFixed(1)}" width="${bw.toFixed(1)}" height="${(70 * s).toFixed(1)}" fill="#222"/>`)
    x += bw
  }
  const label = (y: number, l: string, v: string) =>
    `<text x="${40 * s}" y="${y * s}" font-family="DejaVu Sans" font-size="${11 * s}" fill="#555">${xml(l)}</text>` +
    `<text x="${40 * s}" y="${(y + 20) * s}" font-family="DejaVu Sans Mono" font-size="${16 * s}" fill="#1d1d1d">${xml(v)}</text>`
  const a = text.address
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
  <rect width="${w}" height="${h}" rx="${24 * s}" fill="${paper}"/>
  ${waves.join('')}
  ${label(50, 'Address / Adresse', a.line1)}
  <text x="${40 * s}" y="${92 * s}" font-family="DejaVu Sans Mono" font-size="${16 * s}" fill="#1d1d1d">${xml(`${a.postalCode ?? ''} ${a.city}`.trim())}</text>
  ${label(130, 'Issued by / Délivré par', text.authority)}
  ${label(190, 'Date of issue / Date de délivrance', text.issuedOn)}
  ${label(250, 'Card no.', text.cardNumber)}
  ${bars.join('')}
</svg>`
  const { data, info } = await sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height, channels: 3 }
}
