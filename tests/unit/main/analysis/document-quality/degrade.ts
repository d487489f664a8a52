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
  // The demo's reflection on white paper: the page exposed for the highlight (x0.82), a core
  // saturated to 45 % of its radius fading out, and a halo twice its size (src/main/demo/degrade.ts).
  // Centred over the text on the right of the Utopia TD3 page, where the old halo test missed it.
  paperGlareOverText: paperGlare(0.727, 0.546, 0.145, 0.109, -19.8),
  paperGlareOverMrz: paperGlare(0.446, 0.763, 0.157, 0.117, -2.9),
  // A printed white field with hard edges (a label, a window): not a reflection.
  whiteLabel: async (b) => {
    const { width: w, height: h } = await size(b)
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect x="${Math.round(w * 0.55)}" y="${Math.round(h * 0.42)}" width="${Math.round(w * 0.14)}" height="${Math.round(h * 0.1)}" rx="3" fill="#fdfdfd"/></svg>`
    return sharp(b).composite([{ input: Buffer.from(svg) }]).jpeg({ quality: 90 }).toBuffer()
  },
  // The whole document photographed on a brown table, turned 2 degrees.
  onTable: (b) => onTable(b),
  // Cut on a table: a quarter of the document off the frame, the cut through the page.
  onTableCutRight: (b) => onTable(b, 0.25),
  cropRight: async (b) => {
    const { width, height } = await size(b)
    return sharp(b).extract({ left: 0, top: 0, width: Math.round(width * 0.73), height }).jpeg({ quality: 90 }).toBuffer()
  },
  cropBottom: async (b) => {
    const { width, height } = await size(b)
    return sharp(b).extract({ left: 0, top: 0, width, height: Math.round(height * 0.74) }).jpeg({ quality: 90 }).toBuffer()
  },
  cropTop: async (b) => {
    const { width, height } = await size(b)
    const keep = Math.round(height * 0.75)
    return sharp(b).extract({ left: 0, top: height - keep, width, height: keep }).jpeg({ quality: 90 }).toBuffer()
  },
  cropLeft: async (b) => {
    const { width, height } = await size(b)
    const keep = Math.round(width * 0.75)
    return sharp(b).extract({ left: width - keep, top: 0, width: keep, height }).jpeg({ quality: 90 }).toBuffer()
  },
}

function paperGlare(cx: number, cy: number, rx: number, ry: number, angleDeg: number): Degradation {
  return async (b) => {
    const { width: w, height: h } = await size(b)
    const x = cx * w
    const y = cy * h
    const a = rx * w
    const c = ry * h
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs>
<radialGradient id="core"><stop offset="0" stop-color="#fff"/><stop offset="0.45" stop-color="#fff"/><stop offset="0.75" stop-color="#fdfdff" stop-opacity="0.6"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>
<radialGradient id="halo"><stop offset="0" stop-color="#fff" stop-opacity="0.45"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs>
<g transform="rotate(${angleDeg} ${x} ${y})"><ellipse cx="${x}" cy="${y}" rx="${a * 2}" ry="${c * 2}" fill="url(#halo)"/><ellipse cx="${x}" cy="${y}" rx="${a}" ry="${c}" fill="url(#core)"/></g></svg>`
    const dimmed = await sharp(b).removeAlpha().linear(0.82, 0).png().toBuffer()
    return sharp(dimmed).composite([{ input: Buffer.from(svg) }]).jpeg({ quality: 88 }).toBuffer()
  }
}

/** The document on a brown wood-grain table with a margin of a fifth of its size, turned 2°; `cut` of its width then goes off the right of the frame. */
async function onTable(b: Buffer, cut = 0): Promise<Buffer> {
  const doc = await sharp(b).removeAlpha().rotate(2, { background: { r: 139, g: 105, b: 72 } }).png().toBuffer()
  const { width: dw, height: dh } = await size(doc)
  const W = Math.round(dw * 1.4)
  const H = Math.round(dh * 1.4)
  const table = Buffer.alloc(W * H * 3)
  for (let y = 0; y < H; y++) {
    const grain = Math.sin(y / 4.3) * 7 + Math.sin(y / 17) * 5
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 3
      table[i] = 139 + grain
      table[i + 1] = 105 + grain
      table[i + 2] = 72 + grain
    }
  }
  const left = Math.round((W - dw) / 2)
  const top = Math.round((H - dh) / 2)
  const photo = await sharp(table, { raw: { width: W, height: H, channels: 3 } }).composite([{ input: doc, left, top }]).png().toBuffer()
  const keep = cut ? Math.round(left + dw * (1 - cut)) : W
  return sharp(photo).extract({ left: 0, top: 0, width: keep, height: H }).jpeg({ quality: 88 }).toBuffer()
}
