/**
 * The importer's costs: reading one case (folder, zip), scanning a zip at the entry limit,
 * a 200-case zip end to end, and how fast hostile input is refused. No asserts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import { discoverBundles, readBundle } from '../../src/main/import'
import { inspectImage } from '../../src/main/import/inspect-image'
import { MAX_ZIP_ENTRIES } from '../../src/main/import/limits'
import { scanZip } from '../../src/main/import/zip-archive'
import { buildZip } from '../unit/main/import/helpers/zip-writer'
import { validCaseJson, validFiles, writeFolder, zipEntries } from '../unit/main/import/helpers/bundles'
import { summarise, timeAsync } from './stats'

async function readAllFrom(path: string): Promise<{ ok: number; rejected: number }> {
  const tally = { ok: 0, rejected: 0 }
  for await (const source of discoverBundles([path])) {
    const result = await readBundle(source)
    if (result.ok) tally.ok++
    else tally.rejected++
  }
  return tally
}

async function repeat(n: number, fn: () => Promise<unknown>, warmup = 5): Promise<ReturnType<typeof summarise>> {
  for (let i = 0; i < warmup; i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < n; i++) samples.push((await timeAsync(fn))[1])
  return summarise(samples)
}

function pngDeclaring(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const head = Buffer.alloc(4)
    head.writeUInt32BE(data.length)
    const tail = Buffer.alloc(4)
    tail.writeUInt32BE(crc32(body))
    return Buffer.concat([head, body, tail])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))])
}

export default async function bench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-import-bench-'))
  try {
    const files = validFiles()
    const folder = writeFolder(join(dir, 'case'), files)
    const single = join(dir, 'single.zip')
    writeFileSync(single, buildZip(zipEntries(files)))

    const atLimit = join(dir, 'at-limit.zip')
    writeFileSync(atLimit, buildZip(Array.from({ length: MAX_ZIP_ENTRIES }, (_, i) => ({ name: `cases/${Math.floor(i / 5)}/f${i % 5}` }))))

    const cases = 200
    const many = join(dir, 'many.zip')
    writeFileSync(many, buildZip(Array.from({ length: cases }, (_, i) =>
      zipEntries(validFiles({ 'case.json': { ...validCaseJson(), caseId: `C-${i}` } }), `case-${String(i).padStart(4, '0')}/`)).flat()))
    const [manyTally, manyMs] = await timeAsync(() => readAllFrom(many))

    const bomb = join(dir, 'bomb.zip')
    writeFileSync(bomb, buildZip([...zipEntries(files), { name: 'zeros.bin', data: Buffer.alloc(64 * 1024 * 1024) }]))
    const pixelBomb = pngDeclaring(20000, 20000)

    return {
      folderCaseMs: await repeat(40, () => readAllFrom(folder)),
      singleZipCaseMs: await repeat(40, () => readAllFrom(single)),
      scanZipAtEntryLimitMs: { entries: MAX_ZIP_ENTRIES, ...(await repeat(3, () => scanZip(atLimit), 1)) },
      zipOf200Cases: { cases, ...manyTally, totalMs: Math.round(manyMs), perCaseMs: Math.round((manyMs / cases) * 100) / 100 },
      ratioBombRejectMs: { uncompressedMiB: 64, ...(await repeat(10, () => readAllFrom(bomb))) },
      pixelBombHeaderCheckMs: { declared: '20000x20000', bytes: pixelBomb.length, ...(await repeat(20, () => inspectImage(pixelBomb))) },
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
