import { constants } from 'node:fs'
import { open, realpath, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { SNIFF_HEAD_BYTES } from './limits'
import type { EntryRead } from './zip-archive'

export type FolderFile =
  | { kind: 'found'; path: string; size: number }
  | { kind: 'missing' }
  | { kind: 'not-a-file' }
  | { kind: 'escapes'; target: string }
  | { kind: 'unreadable'; reason: string }

/**
 * Where a bundle-relative name really is on disk, refusing links that lead out of the case
 * folder (a case folder from a stranger may hold `selfie.jpg -> /home/agent/.ssh/id_rsa`).
 * Links that stay inside are followed. `realDir` must itself be a realpath.
 */
export async function locateInFolder(realDir: string, name: string): Promise<FolderFile> {
  let real: string
  try {
    real = await realpath(join(realDir, name))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' }
    if (code === 'ELOOP') return { kind: 'escapes', target: '(a loop of symbolic links)' }
    return { kind: 'unreadable', reason: (error as Error).message }
  }
  const rel = relative(realDir, real)
  if (rel === '') return { kind: 'not-a-file' }
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return { kind: 'escapes', target: real }
  try {
    const info = await stat(real)
    if (!info.isFile()) return { kind: 'not-a-file' }
    return { kind: 'found', path: real, size: info.size }
  } catch (error) {
    return { kind: 'unreadable', reason: (error as Error).message }
  }
}

/**
 * A file's bytes, never more than `cap`: read until cap + 1 regardless of what stat said (the
 * file may grow while we read). Larger files yield their first bytes only. O_NOFOLLOW refuses
 * a link swapped in after locateInFolder checked the path.
 */
export async function readFileCapped(path: string, cap: number): Promise<EntryRead> {
  let handle
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  } catch (error) {
    return { kind: 'unreadable', reason: (error as Error).message }
  }
  try {
    const info = await handle.stat()
    if (!info.isFile()) return { kind: 'unreadable', reason: 'it is not a regular file' }
    if (info.size > cap) {
      const head = Buffer.alloc(Math.min(SNIFF_HEAD_BYTES, cap))
      const { bytesRead } = await handle.read(head, 0, head.length, 0)
      return { kind: 'too-large', head: head.subarray(0, bytesRead), size: info.size }
    }
    const chunks: Buffer[] = []
    let total = 0
    // Sized by stat first (one read for an ordinary file), then in small steps if it grew.
    let want = info.size + 1
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(cap + 1 - total, want))
      want = 64 * 1024
      if (chunk.length === 0) break
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, total)
      if (bytesRead === 0) break
      chunks.push(chunk.subarray(0, bytesRead))
      total += bytesRead
    }
    const bytes = Buffer.concat(chunks)
    if (total > cap) return { kind: 'too-large', head: bytes.subarray(0, SNIFF_HEAD_BYTES), size: total }
    return { kind: 'ok', bytes }
  } catch (error) {
    return { kind: 'unreadable', reason: (error as Error).message }
  } finally {
    await handle.close()
  }
}
