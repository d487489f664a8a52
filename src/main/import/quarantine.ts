import { randomBytes } from 'node:crypto'
import { mkdir, realpath, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import type { QuarantineWriter } from '../store/quarantine-files'
import { locateInFolder, readFileCapped } from './folder-files'
import { MAX_QUARANTINE_COPY_BYTES } from './limits'
import { formatBytes } from './text'
import type { ReadRejected } from './types'
import { openZip, readZipEntry } from './zip-archive'

/** What quarantine writes beside the copy, for whoever looks at the folder later. */
export interface QuarantineReason {
  rejectedAt: string
  source: string
  kind: string
  /** Where the original is (it stays there: quarantine copies, never moves). */
  originalPath?: string
  /** The files of the folder that hold a copy (`original.zip`, `case.json`). */
  copied: string[]
  notCopied?: string
  errors: ReadRejected['errors']
}

/** `.zip` and the like, so the folder says what kind of file it keeps; never the name itself. */
function extensionOf(path: string): string {
  const ext = extname(path).toLowerCase()
  return /^\.[a-z0-9]{1,8}$/.test(ext) ? ext : ''
}

/**
 * Keeps a rejected bundle with its reasons in its own folder under `quarantineDir`: a copy of
 * the original (the zip as `original.zip`, or the case folder's case.json; never the user's
 * files themselves, which stay where they are) and reason.json, every file encrypted by
 * `writer`. The folder is named by the time and a random id only: a bundle's name can be a
 * customer's. Returns the folder, or undefined when even that could not be written:
 * quarantining is best effort and must not stop an import.
 */
export async function quarantine(result: ReadRejected, quarantineDir: string, writer: QuarantineWriter, now = new Date()): Promise<string | undefined> {
  const source = result.source
  const folder = join(quarantineDir, `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(6).toString('hex')}`)
  const reason: QuarantineReason = { rejectedAt: now.toISOString(), source: result.sourceLabel, kind: source.kind, copied: [], errors: result.errors }
  try {
    await mkdir(folder, { recursive: true })
    const copyWhole = async (path: string) => {
      reason.originalPath = path
      const info = await stat(path)
      if (!info.isFile()) reason.notCopied = 'the original is not a regular file'
      else if (info.size > MAX_QUARANTINE_COPY_BYTES) reason.notCopied = `the original is ${formatBytes(info.size)}, over the ${formatBytes(MAX_QUARANTINE_COPY_BYTES)} kept in quarantine`
      else {
        const name = `original${extensionOf(path)}`
        await writer.copy(path, folder, name)
        reason.copied.push(name)
      }
    }
    const keep = async (bytes: Buffer) => {
      await writer.write(folder, 'case.json', bytes)
      reason.copied.push('case.json')
    }
    try {
      if (source.kind === 'unusable') {
        if (source.original) await copyWhole(source.original)
      } else if (source.kind === 'zip' && source.root === '') {
        await copyWhole(source.zip.zipPath)
      } else if (source.kind === 'zip') {
        // One case of a zip of many: its case.json, not the whole archive again.
        reason.originalPath = `${source.zip.zipPath}!/${source.root}case.json`
        const entry = source.zip.entries.get(`${source.root}case.json`)
        if (entry) {
          const zip = await openZip(source.zip.zipPath)
          try {
            const read = await readZipEntry(zip, entry, MAX_QUARANTINE_COPY_BYTES)
            if (read.kind === 'ok') await keep(read.bytes)
            else reason.notCopied = read.kind === 'too-large' ? 'case.json is too large to keep' : `case.json cannot be read: ${read.reason}`
          } finally {
            zip.close()
          }
        }
      } else {
        // A case folder: its case.json, and only if it really is inside the folder.
        reason.originalPath = join(source.dir, 'case.json')
        const where = await locateInFolder(await realpath(source.dir), 'case.json')
        if (where.kind === 'found') {
          const read = await readFileCapped(where.path, MAX_QUARANTINE_COPY_BYTES)
          if (read.kind === 'ok') await keep(read.bytes)
          else reason.notCopied = read.kind === 'too-large' ? 'case.json is too large to keep' : `case.json cannot be read: ${read.reason}`
        } else {
          reason.notCopied = where.kind === 'escapes' ? 'case.json is a link leading outside the case folder' : 'there is no readable case.json'
        }
      }
    } catch (error) {
      reason.notCopied = `copying failed: ${(error as Error).message}`
    }
    await writer.write(folder, 'reason.json', Buffer.from(`${JSON.stringify(reason, null, 2)}\n`))
    return folder
  } catch {
    return undefined
  }
}
