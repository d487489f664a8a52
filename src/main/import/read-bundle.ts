import { realpath, stat } from 'node:fs/promises'
import type { ZipFile } from 'yauzl'
import { sniffType } from '../analysis/image-type'
import type { CaseBundle } from '../../shared/domain/case-bundle'
import { parseCaseJson } from './case-json'
import { locateInFolder, readFileCapped } from './folder-files'
import { inspectImage } from './inspect-image'
import { MAX_CASE_FILES_BYTES, MAX_CASE_JSON_BYTES, MAX_IMAGE_BYTES } from './limits'
import { formatBytes, overLimit, printable } from './text'
import type { BundleFileRead, BundleSource, ReadError, ReadResult, ZipIndex } from './types'
import { entryLocation, openZip, readZipEntry, scanZip, type EntryRead } from './zip-archive'

/** How one named file was fetched from its container. */
type Fetched = EntryRead | { kind: 'missing'; reason?: string } | { kind: 'reject'; error: ReadError }

/** How a container hands out case.json and the files it names. */
interface Container {
  /** Where case.json is, for error locations. */
  caseJsonFile: string
  caseJson(): Promise<{ ok: true; bytes: Buffer } | { ok: false; error: ReadError }>
  fetch(name: string): Promise<Fetched>
}

/**
 * Reads one bundle found by discoverBundles into memory: case.json validated, every file it
 * names read (or flagged), nothing else read. Never throws: anything unexpected becomes a
 * rejection with its message.
 */
export async function readBundle(source: BundleSource): Promise<ReadResult> {
  const rejected = (errors: ReadError[]): ReadResult => ({ ok: false, source, sourceLabel: source.label, errors })
  try {
    if (source.kind === 'unusable') return rejected(source.errors)
    if (source.kind === 'folder') {
      let realDir: string
      try {
        realDir = await realpath(source.dir)
      } catch (error) {
        return rejected([{ file: source.dir, rule: 'unreadable', message: `The case folder cannot be read: ${(error as Error).message}.` }])
      }
      return await readFrom(folderContainer(realDir), source)
    }
    const fresh = await freshIndex(source.zip)
    if (!fresh.ok) return rejected(fresh.errors)
    let zip: ZipFile
    try {
      zip = await openZip(fresh.index.zipPath)
    } catch (error) {
      return rejected([{ file: fresh.index.displayName, rule: 'corrupt-zip', message: `Not a readable zip: ${(error as Error).message}.` }])
    }
    try {
      return await readFrom(zipContainer(zip, fresh.index, source.root), source)
    } finally {
      zip.close()
    }
  } catch (error) {
    return rejected([{ file: source.label, rule: 'unreadable', message: `The bundle could not be read: ${(error as Error).message}.` }])
  }
}

async function readFrom(container: Container, source: BundleSource): Promise<ReadResult> {
  const rejected = (errors: ReadError[]): ReadResult => ({ ok: false, source, sourceLabel: source.label, errors })
  const json = await container.caseJson()
  if (!json.ok) return rejected([json.error])
  const parsed = parseCaseJson(json.bytes, container.caseJsonFile)
  if (!parsed.ok) return rejected(parsed.errors)

  const named = namedFiles(parsed.bundle)
  const fetched = new Map<string, Promise<BundleFileRead>>()
  const errors: ReadError[] = []
  let total = 0
  const files: BundleFileRead[] = []
  for (const { name, role, side } of named) {
    // A file named twice (front and back the same photo) is read once.
    let read = fetched.get(name)
    if (!read) {
      const got = await container.fetch(name)
      if (got.kind === 'reject') {
        errors.push(got.error)
        continue
      }
      if (got.kind === 'ok') total += got.bytes.length
      if (total > MAX_CASE_FILES_BYTES) {
        return rejected([{
          file: container.caseJsonFile,
          rule: 'too-large',
          message: `The files named in case.json add up to more than ${formatBytes(MAX_CASE_FILES_BYTES)}; a case is read into memory whole, so this is refused.`,
        }])
      }
      read = describeFetched(name, got)
      fetched.set(name, read)
    }
    const file = await read
    files.push({ ...file, role, ...(side ? { side } : {}) })
  }
  if (errors.length > 0) return rejected(errors)
  return { ok: true, source, sourceLabel: source.label, bundle: parsed.bundle, caseJsonText: parsed.text, files }
}

function namedFiles(bundle: CaseBundle): { name: string; role: 'document' | 'selfie'; side?: 'front' | 'back' | 'single' }[] {
  return [
    ...bundle.documents.map((d) => ({ name: d.file, role: 'document' as const, side: d.side })),
    ...bundle.selfies.map((s) => ({ name: s.file, role: 'selfie' as const })),
  ]
}

async function describeFetched(name: string, got: Exclude<Fetched, { kind: 'reject' }>): Promise<BundleFileRead> {
  const base = { name, role: 'document' as const }
  switch (got.kind) {
    case 'missing':
      return { ...base, bytes: null, sniffed: 'empty', problem: 'missing', problemDetail: got.reason ?? `There is no file "${printable(name)}" in the bundle.` }
    case 'unreadable':
      return { ...base, bytes: null, sniffed: 'unknown', problem: 'unreadable', problemDetail: `The file cannot be read: ${got.reason}.` }
    case 'too-large':
      return {
        ...base,
        bytes: null,
        sniffed: sniffType(got.head),
        size: got.size,
        problem: 'too-large',
        problemDetail: `The file is ${formatBytes(got.size)}; files over ${formatBytes(MAX_IMAGE_BYTES)} are not read.`,
      }
    case 'ok': {
      const inspection = await inspectImage(got.bytes)
      return { ...base, bytes: got.bytes, size: got.bytes.length, ...inspection }
    }
  }
}

function folderContainer(realDir: string): Container {
  const caseJsonFile = 'case.json'
  const escapes = (name: string, target: string): ReadError => ({
    file: printable(name),
    rule: 'symlink',
    message: `"${printable(name)}" is a symbolic link leading outside the case folder (to ${printable(target)}); links out of a bundle are refused.`,
  })
  return {
    caseJsonFile,
    async caseJson() {
      const where = await locateInFolder(realDir, 'case.json')
      switch (where.kind) {
        case 'missing':
          return { ok: false, error: { file: caseJsonFile, rule: 'no-case-json', message: 'The case folder has no case.json.' } }
        case 'not-a-file':
          return { ok: false, error: { file: caseJsonFile, rule: 'special-file', message: 'case.json is not a regular file.' } }
        case 'escapes':
          return { ok: false, error: escapes('case.json', where.target) }
        case 'unreadable':
          return { ok: false, error: { file: caseJsonFile, rule: 'unreadable', message: `case.json cannot be read: ${where.reason}.` } }
      }
      return caseJsonFrom(await readFileCapped(where.path, MAX_CASE_JSON_BYTES), caseJsonFile)
    },
    async fetch(name) {
      const where = await locateInFolder(realDir, name)
      switch (where.kind) {
        case 'missing':
          return { kind: 'missing' }
        case 'not-a-file':
          return { kind: 'missing', reason: `"${printable(name)}" is a folder or a special file, not a file.` }
        case 'escapes':
          return { kind: 'reject', error: escapes(name, where.target) }
        case 'unreadable':
          return { kind: 'unreadable', reason: where.reason }
      }
      return readFileCapped(where.path, MAX_IMAGE_BYTES)
    },
  }
}

function zipContainer(zip: ZipFile, index: ZipIndex, root: string): Container {
  const caseJsonFile = entryLocation(index.displayName, `${root}case.json`)
  return {
    caseJsonFile,
    async caseJson() {
      const entry = index.entries.get(`${root}case.json`)
      if (!entry) return { ok: false, error: { file: caseJsonFile, rule: 'no-case-json', message: 'There is no case.json here.' } }
      return caseJsonFrom(await readZipEntry(zip, entry, MAX_CASE_JSON_BYTES), caseJsonFile, 'corrupt-zip')
    },
    async fetch(name) {
      const entry = index.entries.get(root + name)
      if (!entry) return { kind: 'missing' }
      return readZipEntry(zip, entry, MAX_IMAGE_BYTES)
    },
  }
}

function caseJsonFrom(read: EntryRead, file: string, unreadableRule: ReadError['rule'] = 'unreadable'): { ok: true; bytes: Buffer } | { ok: false; error: ReadError } {
  switch (read.kind) {
    case 'ok':
      return { ok: true, bytes: read.bytes }
    case 'too-large':
      return { ok: false, error: { file, rule: 'too-large', message: overLimit('case.json', read.size, MAX_CASE_JSON_BYTES) } }
    case 'unreadable':
      return { ok: false, error: { file, rule: unreadableRule, message: `case.json cannot be read: ${read.reason}.` } }
  }
}

/** The zip as discovered, or rescanned if it changed on disk since (it is checked again). */
async function freshIndex(index: ZipIndex): Promise<{ ok: true; index: ZipIndex } | { ok: false; errors: ReadError[] }> {
  try {
    const info = await stat(index.zipPath)
    if (info.size === index.size && info.mtimeMs === index.mtimeMs) return { ok: true, index }
  } catch (error) {
    return { ok: false, errors: [{ file: index.displayName, rule: 'unreadable', message: `The zip cannot be read any more: ${(error as Error).message}.` }] }
  }
  return scanZip(index.zipPath)
}
