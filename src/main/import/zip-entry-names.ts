/**
 * Checks on zip entry names and types. The importer never extracts to disk, but a hostile name
 * is still refused: it shows the archive was built to attack an extractor, and the same zip
 * may later be unpacked by hand by an agent. yauzl's own check is bypassed (decodeStrings:
 * false) so that every bad name gets its own precise message instead of one opaque error.
 */

/** Why an entry name is unsafe, or null when it is fine. */
export function unsafeEntryNameReason(name: string): string | null {
  if (name.length === 0) return 'has an empty name'
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'contains control characters'
  if (name.includes('\\')) return 'uses \\ as a separator (zips must use /; re-create it with a standard zip tool)'
  if (name.startsWith('/')) return 'is an absolute path'
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter'
  const segments = name.split('/')
  // A directory entry ends with '/', leaving one empty last segment.
  const inner = name.endsWith('/') ? segments.slice(0, -1) : segments
  if (inner.includes('..')) return 'contains ".." (it would escape the folder it is extracted to)'
  if (inner.some((s) => s === '' || s === '.')) return 'contains empty or "." path segments'
  return null
}

/** Unix file types kept in the high 16 bits of the external attributes (st_mode). */
const S_IFMT = 0o170000
const S_IFREG = 0o100000
const S_IFDIR = 0o040000
const S_IFLNK = 0o120000

export type EntryFileType = 'file' | 'directory' | 'symlink' | 'special'

/**
 * The entry's type from its mode bits. yauzl ignores them, so symbolic links come through as
 * ordinary entries whose content is the link target; an extractor that honours the bits would
 * create a link pointing anywhere. Mode 0 means "not recorded" (DOS/Windows tools): by name.
 */
export function entryFileType(name: string, externalFileAttributes: number): EntryFileType {
  const mode = (externalFileAttributes >>> 16) & S_IFMT
  if (mode === S_IFLNK) return 'symlink'
  if (mode === S_IFDIR) return 'directory'
  if (mode === S_IFREG || mode === 0) return name.endsWith('/') ? 'directory' : 'file'
  return 'special'
}
