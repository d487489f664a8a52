import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { crc32 } from 'node:zlib'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import {
  COMPRESSION_RATIO_MIN_BYTES,
  MAX_COMPRESSION_RATIO,
  MAX_ENTRY_NAME_BYTES,
  MAX_ZIP_ENTRIES,
  MAX_ZIP_ENTRY_BYTES,
  MAX_ZIP_TOTAL_BYTES,
  SNIFF_HEAD_BYTES,
} from './limits'
import { ErrorList } from './error-list'
import { formatBytes, printable } from './text'
import type { ReadError, ZipIndex } from './types'
import { entryFileType, unsafeEntryNameReason } from './zip-entry-names'

/** yauzl fields and functions that @types/yauzl (2.x) does not declare. */
type RawEntry = Entry & { fileNameRaw: Buffer }
const getFileNameLowLevel = (yauzl as unknown as {
  getFileNameLowLevel(flag: number, raw: Buffer, extraFields: Entry['extraFields'], strict: boolean): string
}).getFileNameLowLevel

/** The first four bytes of a zip: a local file header, or the end record of an empty zip. */
export function looksLikeZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b &&
    ((head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06))
}

export function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings: false so that names are checked by us, each with its own message;
    // validateEntrySizes: a stream longer or shorter than its declared size is an error.
    yauzl.open(path, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }, (err, zip) => {
      if (err || !zip) {
        reject(err ?? new Error('cannot open the zip'))
        return
      }
      // An 'error' with no listener would crash the process (e.g. one from closing the file);
      // the errors that matter reach their callers through the scan's and streams' own handlers.
      zip.on('error', () => {})
      resolve(zip)
    })
  })
}

/** Where an entry is, for error messages: 'batch.zip!/case-a/case.json'. */
export function entryLocation(zipDisplayName: string, entryName: string): string {
  return `${zipDisplayName}!/${printable(entryName)}`
}

/**
 * Reads and checks a zip's central directory without decompressing anything: entry count,
 * names, types, duplicates, declared sizes, compression ratios, overlapping entries. Any
 * failure rejects the whole archive: a zip built to attack an extractor is not trusted for
 * any of the cases in it.
 */
export async function scanZip(zipPath: string): Promise<{ ok: true; index: ZipIndex } | { ok: false; errors: ReadError[] }> {
  const displayName = basename(zipPath)
  const whole = (rule: ReadError['rule'], message: string): ReadError => ({ file: displayName, rule, message })
  let info
  try {
    info = await stat(zipPath)
  } catch (error) {
    return { ok: false, errors: [whole('unreadable', `The zip cannot be read: ${(error as Error).message}.`)] }
  }
  let zip: ZipFile
  try {
    zip = await openZip(zipPath)
  } catch (error) {
    return { ok: false, errors: [whole('corrupt-zip', `Not a readable zip: ${(error as Error).message}.`)] }
  }
  try {
    if (zip.entryCount > MAX_ZIP_ENTRIES) {
      return {
        ok: false,
        errors: [whole('too-many-entries', `The zip holds ${zip.entryCount.toLocaleString('en')} entries; at most ${MAX_ZIP_ENTRIES.toLocaleString('en')} are accepted. Split it into smaller zips.`)],
      }
    }
    const errors = new ErrorList()
    const entries = new Map<string, Entry>()
    const normalised = new Set<string>()
    const spans: { start: number; end: number; name: string }[] = []
    let total = 0
    const check = (entry: RawEntry) => {
      const raw = entry.fileNameRaw
      const at = (name: string) => entryLocation(displayName, name)
      if (raw.length > MAX_ENTRY_NAME_BYTES) {
        errors.add({ file: at(raw.subarray(0, 60).toString('latin1') + '…'), rule: 'unsafe-path', message: `An entry name is ${raw.length} bytes long; at most ${MAX_ENTRY_NAME_BYTES} are accepted.` })
        return
      }
      // The name an extractor would use (UTF-8 flag or Info-ZIP Unicode Path field)...
      const name = getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, true)
      // ...and the raw bytes read naively, which other tools may use instead: both must be safe.
      const unsafe = unsafeEntryNameReason(name) ?? unsafeEntryNameReason(raw.toString('latin1'))
      if (unsafe) {
        errors.add({ file: at(name), rule: 'unsafe-path', message: `The entry "${printable(name)}" ${unsafe}.` })
        return
      }
      const type = entryFileType(name, entry.externalFileAttributes)
      if (type === 'symlink') {
        errors.add({ file: at(name), rule: 'symlink', message: `The entry "${printable(name)}" is a symbolic link; links are refused because they can point outside the bundle.` })
        return
      }
      if (type === 'special') {
        errors.add({ file: at(name), rule: 'special-file', message: `The entry "${printable(name)}" is neither a file nor a folder (device, pipe or socket).` })
        return
      }
      const key = name.normalize('NFC')
      if (entries.has(name) || normalised.has(key)) {
        errors.add({ file: at(name), rule: 'duplicate-entry', message: `The zip holds two entries named "${printable(name)}"; which one is meant is ambiguous.` })
        return
      }
      normalised.add(key)
      if (entry.uncompressedSize > MAX_ZIP_ENTRY_BYTES) {
        errors.add({ file: at(name), rule: 'zip-bomb', message: `The entry "${printable(name)}" declares ${formatBytes(entry.uncompressedSize)} uncompressed; at most ${formatBytes(MAX_ZIP_ENTRY_BYTES)} per entry are accepted.` })
      }
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1)
      if (entry.uncompressedSize >= COMPRESSION_RATIO_MIN_BYTES && ratio > MAX_COMPRESSION_RATIO) {
        errors.add({ file: at(name), rule: 'zip-bomb', message: `The entry "${printable(name)}" expands ${Math.round(ratio)}-fold (${formatBytes(entry.compressedSize)} → ${formatBytes(entry.uncompressedSize)}); more than ${MAX_COMPRESSION_RATIO}-fold is the mark of a zip bomb.` })
      }
      total += entry.uncompressedSize
      spans.push({ start: entry.relativeOffsetOfLocalHeader, end: entry.relativeOffsetOfLocalHeader + 30 + entry.compressedSize, name })
      if (type === 'file') entries.set(name, entry)
    }

    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: RawEntry) => {
        try {
          check(entry)
        } catch (error) {
          reject(error as Error)
          return
        }
        zip.readEntry()
      })
      zip.once('end', () => resolve())
      zip.once('error', reject)
      zip.readEntry()
    }).catch((error: Error) => {
      errors.add(whole('corrupt-zip', `The zip's directory is damaged: ${error.message}.`))
    })

    if (total > MAX_ZIP_TOTAL_BYTES) {
      errors.add(whole('zip-bomb', `The entries declare ${formatBytes(total)} uncompressed together; at most ${formatBytes(MAX_ZIP_TOTAL_BYTES)} per zip are accepted. Split it into smaller zips.`))
    }
    // Entries sharing compressed data (the "overlapping files" bomb) expand far beyond the
    // archive's size while each one's ratio looks modest.
    spans.sort((a, b) => a.start - b.start)
    for (let i = 1; i < spans.length; i++) {
      if (spans[i - 1].end > spans[i].start) {
        errors.add(whole('zip-bomb', `The entries "${printable(spans[i - 1].name)}" and "${printable(spans[i].name)}" overlap in the file (they share compressed data), the mark of a zip bomb.`))
        break
      }
    }
    if (errors.length > 0) return { ok: false, errors: errors.list() }
    return { ok: true, index: { zipPath, displayName, size: info.size, mtimeMs: info.mtimeMs, entries } }
  } finally {
    zip.close()
  }
}

export type EntryRead =
  | { kind: 'ok'; bytes: Buffer }
  | { kind: 'too-large'; head: Buffer; size: number }
  | { kind: 'unreadable'; reason: string }

/**
 * One entry's bytes, never more than `cap`: the count is enforced on the decompressed stream
 * itself, so a lying size field cannot make us hold more. Entries declared larger than `cap`
 * only have their first bytes read (to say what they are). The CRC is checked, which yauzl
 * does not do: a damaged entry is reported, not passed on as an image.
 */
export function readZipEntry(zip: ZipFile, entry: Entry, cap: number): Promise<EntryRead> {
  if (entry.isEncrypted()) return Promise.resolve({ kind: 'unreadable', reason: 'it is encrypted' })
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    return Promise.resolve({ kind: 'unreadable', reason: `it is compressed with method ${entry.compressionMethod}; only stored and deflate are supported` })
  }
  const headOnly = entry.uncompressedSize > cap
  const limit = headOnly ? Math.min(SNIFF_HEAD_BYTES, cap) : cap
  return new Promise((resolve) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) {
        resolve({ kind: 'unreadable', reason: `its data cannot be located (${err?.message ?? 'no stream'})` })
        return
      }
      const chunks: Buffer[] = []
      let count = 0
      let crc = 0
      let settled = false
      const finish = (result: EntryRead) => {
        if (settled) return
        settled = true
        resolve(result)
      }
      const stop = (result: EntryRead) => {
        finish(result)
        stream.removeAllListeners('data')
        stream.on('error', () => {})
        stream.destroy()
      }
      stream.on('data', (chunk: Buffer) => {
        if (settled) return
        count += chunk.length
        if (count > limit) {
          chunks.push(chunk.subarray(0, chunk.length - (count - limit)))
          const head = Buffer.concat(chunks).subarray(0, SNIFF_HEAD_BYTES)
          stop({ kind: 'too-large', head, size: headOnly ? entry.uncompressedSize : count })
          return
        }
        chunks.push(chunk)
        crc = crc32(chunk, crc)
      })
      stream.on('error', (error: Error) => finish({ kind: 'unreadable', reason: `its data is damaged (${error.message})` }))
      stream.on('end', () => {
        const bytes = Buffer.concat(chunks)
        if (headOnly) finish({ kind: 'too-large', head: bytes.subarray(0, SNIFF_HEAD_BYTES), size: entry.uncompressedSize })
        else if ((crc >>> 0) !== (entry.crc32 >>> 0)) finish({ kind: 'unreadable', reason: 'its data is damaged (CRC-32 mismatch)' })
        else finish({ kind: 'ok', bytes })
      })
    })
  })
}
