import sharp, { type Sharp } from 'sharp'
import type { Rng } from './prng'
import type { RawImage } from './specimens'

/**
 * What can go wrong with a document photo (DOCUMENT_QUALITY) and with the file itself
 * (DOCUMENT_FILE_INVALID). Parameters are drawn from ranges that look like real failed captures,
 * relative to the image size; each function returns what it did, for the bundle's `demo` record.
 */

export const DOCUMENT_QUALITY_KINDS = ['BLURRY', 'GLARE', 'TOO_DARK', 'OVEREXPOSED', 'LOW_RESOLUTION', 'CROPPED', 'BLACK_AND_WHITE'] as const
export type DocumentQualityKind = (typeof DOCUMENT_QUALITY_KINDS)[number]

export const FILE_PROBLEMS = ['TRUNCATED', 'ZERO_BYTES', 'PDF_AS_JPG', 'TEXT_AS_JPG', 'EDITED'] as const
export type FileProblem = (typeof FILE_PROBLEMS)[number]

export type Params = Record<string, number | string>

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits

function fromRaw(img: RawImage): Sharp {
  return sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
}

/** Camera EXIF a phone writes: make, model and the OS version as `Software`. */
const PHONES = [
  { Make: 'Apple', Model: 'iPhone 14', Software: '17.6.1' },
  { Make: 'Apple', Model: 'iPhone 13 mini', Software: '18.1' },
  { Make: 'samsung', Model: 'SM-S911B', Software: 'S911BXXS5CXK2' },
  { Make: 'Google', Model: 'Pixel 8', Software: 'HDR+ 1.0.641377693zd' },
  { Make: 'Xiaomi', Model: '23078RKD5C', Software: 'MIUI 14' },
] as const

function exifDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}:${p(d.getUTCMonth() + 1)}:${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
}

/** A clean capture: JPEG quality 88-92, half of them with the phone's EXIF. */
export async function encodeClean(img: RawImage, rng: Rng, takenAt: Date): Promise<{ bytes: Buffer; params: Params }> {
  const quality = rng.int(88, 92)
  let out = fromRaw(img).jpeg({ quality })
  const params: Params = { jpegQuality: quality }
  if (rng.chance(0.5)) {
    const phone = rng.pick(PHONES)
    out = out.withExif({ IFD0: { Make: phone.Make, Model: phone.Model, Software: phone.Software, DateTime: exifDate(takenAt) } })
    params.exifModel = phone.Model
  }
  return { bytes: await out.toBuffer(), params }
}

function addNoise(raw: Buffer, sigma: number, rng: Rng): void {
  for (let i = 0; i < raw.length; i += 3) {
    const n = (rng.next() + rng.next() + rng.next() - 1.5) * 2 * sigma
    for (let c = 0; c < 3; c++) {
      const v = raw[i + c] + n
      raw[i + c] = v < 0 ? 0 : v > 255 ? 255 : v
    }
  }
}

/**
 * A specular reflection on the laminate: a blown-out core, a soft halo twice its size, and the
 * rest of the page a little darker because the camera exposed for the highlight.
 */
function glareSvg(w: number, h: number, rng: Rng): { svg: string; params: Params } {
  const cx = w * rng.float(0.3, 0.75)
  const cy = h * rng.float(0.3, 0.8)
  const rx = w * rng.float(0.13, 0.2)
  const ry = rx * rng.float(0.45, 0.7)
  const angle = rng.float(-35, 35)
  const f = (v: number) => v.toFixed(1)
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs>
<radialGradient id="core"><stop offset="0" stop-color="#fff"/><stop offset="0.45" stop-color="#fff"/><stop offset="0.75" stop-color="#fdfdff" stop-opacity="0.6"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>
<radialGradient id="halo"><stop offset="0" stop-color="#fff" stop-opacity="0.45"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs>
<g transform="rotate(${f(angle)} ${f(cx)} ${f(cy)})">
<ellipse cx="${f(cx)}" cy="${f(cy)}" rx="${f(rx * 2)}" ry="${f(ry * 2)}" fill="url(#halo)"/>
<ellipse cx="${f(cx)}" cy="${f(cy)}" rx="${f(rx)}" ry="${f(ry)}" fill="url(#core)"/></g></svg>`
  return {
    svg,
    params: { centreX: round(cx / w, 3), centreY: round(cy / h, 3), radiusX: round(rx / w, 3), radiusY: round(ry / h, 3), angleDeg: round(angle, 1), saturatedCoreFraction: 0.45, haloScale: 2, pageGain: 0.82 },
  }
}

export async function degradeDocument(img: RawImage, kind: DocumentQualityKind, rng: Rng): Promise<{ bytes: Buffer; params: Params }> {
  const { width: w, height: h } = img
  const params: Params = { kind }
  switch (kind) {
    case 'BLURRY': {
      if (rng.chance(0.5)) {
        // Out of focus: sigma 0.6-0.9 % of the width (4-5 px on a 600 px scan, 8-12 px at 1334).
        const sigma = w * rng.float(0.006, 0.009)
        params.blur = 'defocus'
        params.sigmaPx = round(sigma, 1)
        return { bytes: await fromRaw(img).blur(sigma).jpeg({ quality: 88 }).toBuffer(), params }
      }
      // Camera shake: a straight streak 2.5-3.5 % of the width long.
      const len = Math.max(5, Math.round(w * rng.float(0.025, 0.035)) | 1)
      const kernel = [...new Array(len).fill(0), ...new Array(len).fill(1), ...new Array(len).fill(0)]
      params.blur = 'motion'
      params.motionLengthPx = len
      return { bytes: await fromRaw(img).convolve({ width: len, height: 3, kernel, scale: len }).jpeg({ quality: 88 }).toBuffer(), params }
    }
    case 'GLARE': {
      const g = glareSvg(w, h, rng)
      Object.assign(params, g.params)
      const darker = await fromRaw(img).linear(0.82, 0).raw().toBuffer()
      return {
        bytes: await sharp(darker, { raw: { width: w, height: h, channels: 3 } }).composite([{ input: Buffer.from(g.svg) }]).jpeg({ quality: 88 }).toBuffer(),
        params,
      }
    }
    case 'TOO_DARK': {
      // Indoor, no light: a quarter of the exposure, with the sensor noise that comes with it.
      const gain = rng.float(0.2, 0.3)
      const raw = await fromRaw(img).linear(gain, 0).raw().toBuffer()
      addNoise(raw, 4, rng)
      params.gain = round(gain)
      params.noiseSigma = 4
      return { bytes: await sharp(raw, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 85 }).toBuffer(), params }
    }
    case 'OVEREXPOSED': {
      const gain = rng.float(1.7, 2.0)
      const offset = rng.int(40, 60)
      params.gain = round(gain)
      params.offset = offset
      return { bytes: await fromRaw(img).linear(gain, offset).jpeg({ quality: 88 }).toBuffer(), params }
    }
    case 'LOW_RESOLUTION': {
      // A thumbnail sent instead of the photo: about 300 px wide.
      const width = rng.int(280, 320)
      params.width = width
      params.jpegQuality = 75
      return { bytes: await fromRaw(img).resize({ width }).jpeg({ quality: 75 }).toBuffer(), params }
    }
    case 'CROPPED': {
      // A quarter or more cut off one side; left/right/bottom all take part of the MRZ.
      const side = rng.weighted([['right', 3], ['left', 1], ['bottom', 1]] as const)
      const cut = rng.float(0.24, 0.3)
      params.side = side
      params.cutFraction = round(cut)
      const keepW = side === 'bottom' ? w : Math.round(w * (1 - cut))
      const keepH = side === 'bottom' ? Math.round(h * (1 - cut)) : h
      const left = side === 'left' ? w - keepW : 0
      return { bytes: await fromRaw(img).extract({ left, top: 0, width: keepW, height: keepH }).jpeg({ quality: 88 }).toBuffer(), params }
    }
    case 'BLACK_AND_WHITE': {
      // A photocopy: grey, hard contrast, toner softness.
      const contrast = rng.float(1.4, 1.7)
      params.contrast = round(contrast)
      params.offset = -60
      return {
        bytes: await fromRaw(img).greyscale().linear(contrast, -60).blur(0.6).jpeg({ quality: 82 }).toBuffer(),
        params,
      }
    }
  }
}

/** A one-page PDF showing the JPEG: what a scanner app exports. */
export function pdfWithJpeg(jpeg: Buffer, width: number, height: number): Buffer {
  const pageW = 595
  const pageH = Math.round((595 * height) / width)
  const content = `q ${pageW} 0 0 ${pageH} 0 0 cm /Im0 Do Q`
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageW} ${pageH}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`),
    Buffer.concat([
      Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`),
      jpeg,
      Buffer.from('\nendstream'),
    ]),
    Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`),
  ]
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  const offsets: number[] = []
  let size = parts[0].length
  objects.forEach((body, i) => {
    offsets.push(size)
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')])
    parts.push(chunk)
    size += chunk.length
  })
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`))
  return Buffer.concat(parts)
}

/** Makes the file itself the problem; `jpeg` is the clean capture it started from. */
export async function spoilFile(
  jpeg: Buffer,
  size: { width: number; height: number },
  problem: FileProblem,
  rng: Rng,
  editedAt: Date,
): Promise<{ bytes: Buffer; params: Params }> {
  const params: Params = { problem }
  switch (problem) {
    case 'TRUNCATED': {
      const keep = rng.float(0.35, 0.7)
      params.keptFraction = round(keep)
      params.originalBytes = jpeg.length
      return { bytes: jpeg.subarray(0, Math.round(jpeg.length * keep)), params }
    }
    case 'ZERO_BYTES':
      return { bytes: Buffer.alloc(0), params }
    case 'PDF_AS_JPG':
      return { bytes: pdfWithJpeg(jpeg, size.width, size.height), params }
    case 'TEXT_AS_JPG': {
      if (rng.chance(0.5)) {
        // A browser "Save as" of an error page, kept under the photo's name.
        params.content = 'html-error-page'
        return {
          bytes: Buffer.from(
            '<!DOCTYPE html>\n<html><head><title>403 Forbidden</title></head>\n<body><h1>403 Forbidden</h1>\n<p>Request could not be satisfied. The link to this image has expired.</p>\n</body></html>\n',
          ),
          params,
        }
      }
      // A data URL pasted as text: the picture's bytes in base64, not the picture.
      params.content = 'base64-data-url'
      return { bytes: Buffer.from(`data:image/jpeg;base64,${jpeg.subarray(0, 6000).toString('base64')}`), params }
    }
    case 'EDITED': {
      const software = rng.pick(['Adobe Photoshop 25.4 (Windows)', 'Adobe Photoshop 26.0 (Macintosh)', 'Adobe Photoshop Express'])
      params.software = software
      const bytes = await sharp(jpeg)
        .withExif({ IFD0: { Software: software, DateTime: exifDate(editedAt) } })
        .jpeg({ quality: 92 })
        .toBuffer()
      return { bytes, params }
    }
  }
}
