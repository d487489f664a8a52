import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'

/** Degraded versions of the specimens, generated in the test (no stored fixtures). */
export const SPECIMENS = join(__dirname, '../../../../../resources/specimens/documents')
export const SPECIMEN_FILES = ['100_id-rou.jpg', '100_pass-chn.jpg', '100_pass-cze.jpg', '100_pass-hrv.jpg', '100_pass-uto.jpg', '62_pass-aus.png', 'passport-td2.jpg', 'passport-td3.jpg']

export function specimen(file: string): Buffer {
  return readFileSync(join(SPECIMENS, file))
}

export async function size(bytes: Buffer): Promise<{ width: number; height: number }> {
  const m = await sharp(bytes).metadata()
  return { width: m.width ?? 0, height: m.height ?? 0 }
}

export type Degradation = (bytes: Buffer) => Promise<Buffer>

export const degrade: Record<string, Degradation> = {
  blurSigma3: (b) => sharp(b).blur(3).jpeg({ quality: 90 }).toBuffer(),
  defocusPercent: async (b) => sharp(b).blur(Math.max(1, (await size(b)).width * 0.007)).jpeg({ quality: 88 }).toBuffer(),
  motionBlur: async (b) => {
    const len = Math.max(5, Math.round((await size(b)).width * 0.03) | 1)
    const kernel = [...new Array(len).fill(0), ...new Array(len).fill(1), ...new Array(len).fill(0)]
    return sharp(b).convolve({ width: len, height: 3, kernel, scale: len }).jpeg({ quality: 88 }).toBuffer()
  },
  dark: (b) => sharp(b).linear(0.25, 0).jpeg({ quality: 90 }).toBuffer(),
  overexposed: (b) => sharp(b).linear(1.8, 50).jpeg({ quality: 90 }).toBuffer(),
  lowResolution: (b) => sharp(b).resize({ width: 300 }).jpeg({ quality: 80 }).toBuffer(),
  greyscale: (b) => sharp(b).greyscale().jpeg({ quality: 90 }).toBuffer(),
  photocopy: (b) => sharp(b).greyscale().linear(1.5, -60).blur(0.6).jpeg({ quality: 82 }).toBuffer(),
  glare: async (b) => {
    const { width: w, height: h } = await size(b)
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><radialGradient id="g"><stop offset="0" stop-color="#fff" stop-opacity="1"/><stop offset="0.45" stop-color="#fff" stop-opacity="0.97"/><stop offset="0.75" stop-color="#fff" stop-opacity="0.5"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs><ellipse cx="${w * 0.55}" cy="${h * 0.5}" rx="${w * 0.16}" ry="${w * 0.1}" fill="url(#g)"/></svg>`
    return sharp(b).composite([{ input: Buffer.from(svg) }]).jpeg({ quality: 90 }).toBuffer()
  },
  cropRight: async (b) => {
    const { width, height } = await size(b)
    return sharp(b).extract({ left: 0, top: 0, width: Math.round(width * 0.73), height }).jpeg({ quality: 90 }).toBuffer()
  },
  cropLeft: async (b) => {
    const { width, height } = await size(b)
    const keep = Math.round(width * 0.75)
    return sharp(b).extract({ left: width - keep, top: 0, width: keep, height }).jpeg({ quality: 90 }).toBuffer()
  },
}
