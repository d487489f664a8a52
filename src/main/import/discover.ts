import { lstat, open, readdir, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { printable } from './text'
import type { BundleSource, ReadError } from './types'
import { entryLocation, looksLikeZip, scanZip } from './zip-archive'

/** Items a folder or zip of bundles may hold that are nobody's case (macOS and editor litter). */
function isLitter(name: string): boolean {
  return name.startsWith('.') || name === '__MACOSX' || name === 'Thumbs.db' || name === 'desktop.ini'
}

function unusable(label: string, rule: ReadError['rule'], message: string, original?: string, file = basename(label)): BundleSource {
  return { kind: 'unusable', label, ...(original ? { original } : {}), errors: [{ file, rule, message }] }
}

async function hasCaseJson(dir: string): Promise<boolean> {
  try {
    await lstat(join(dir, 'case.json'))
    return true
  } catch {
    return false
  }
}

async function startsLikeZip(path: string): Promise<boolean> {
  const handle = await open(path, 'r')
  try {
    const head = Buffer.alloc(4)
    const { bytesRead } = await handle.read(head, 0, 4, 0)
    return looksLikeZip(head.subarray(0, bytesRead))
  } finally {
    await handle.close()
  }
}

/**
 * Every case bundle under the given paths, in a stable order. Each path may be a case folder
 * (it holds case.json), a zip (recognised by its bytes: one case at its root, or case folders
 * one level down), a folder of case folders and zips, or case.json itself. Anything else,
 * or a bundle that cannot be opened, comes out as an 'unusable' source carrying its reasons:
 * discovery never throws, so one bad path never stops the others.
 */
export async function* discoverBundles(paths: string[]): AsyncIterable<BundleSource> {
  for (const path of paths) {
    try {
      yield* discoverPath(path)
    } catch (error) {
      yield unusable(path, 'unreadable', `${printable(path)} cannot be read: ${(error as Error).message}.`)
    }
  }
}

async function* discoverPath(path: string): AsyncIterable<BundleSource> {
  let info
  try {
    // The paths the user chose are followed if they are links; links found inside are not.
    info = await stat(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      yield unusable(path, 'not-found', `${printable(path)} does not exist.`)
      return
    }
    throw error
  }
  if (info.isDirectory()) {
    if (await hasCaseJson(path)) yield { kind: 'folder', label: path, dir: path }
    else yield* discoverFolderOfBundles(path)
    return
  }
  if (info.isFile()) {
    if (await startsLikeZip(path)) {
      yield* discoverZip(path, path)
      return
    }
    if (basename(path) === 'case.json') {
      yield { kind: 'folder', label: dirname(path), dir: dirname(path) }
      return
    }
    if (/\.zip$/i.test(path)) {
      yield unusable(path, 'not-a-zip', `${printable(basename(path))} is named .zip but its content is not a zip (a damaged or unfinished download?).`, path)
      return
    }
  }
  yield unusable(path, 'not-a-bundle', `${printable(path)} is not a case bundle: expected a folder with case.json, a .zip, or a folder of those.`, info.isFile() ? path : undefined)
}

async function* discoverFolderOfBundles(dir: string): AsyncIterable<BundleSource> {
  const names = (await readdir(dir)).filter((n) => !isLitter(n)).sort()
  let found = 0
  for (const name of names) {
    const path = join(dir, name)
    found++
    try {
      const info = await lstat(path)
      if (info.isSymbolicLink()) {
        yield unusable(path, 'symlink', `${printable(name)} is a symbolic link; links inside a folder of bundles are not followed. Import its target directly if you trust it.`)
      } else if (info.isDirectory()) {
        if (await hasCaseJson(path)) yield { kind: 'folder', label: path, dir: path }
        else yield unusable(path, 'no-case-json', `The folder ${printable(name)} has no case.json (case folders are looked for one level deep only).`)
      } else if (info.isFile() && (await startsLikeZip(path))) {
        yield* discoverZip(path, path)
      } else if (info.isFile() && /\.zip$/i.test(name)) {
        yield unusable(path, 'not-a-zip', `${printable(name)} is named .zip but its content is not a zip (a damaged or unfinished download?).`, path)
      } else {
        // Notes, manifests and the like beside the cases are not bundles and not errors.
        found--
      }
    } catch (error) {
      yield unusable(path, 'unreadable', `${printable(name)} cannot be read: ${(error as Error).message}.`)
    }
  }
  if (found === 0) yield unusable(dir, 'not-a-bundle', `${printable(dir)} holds no case.json, no case folder and no zip.`)
}

async function* discoverZip(zipPath: string, label: string): AsyncIterable<BundleSource> {
  const scanned = await scanZip(zipPath)
  if (!scanned.ok) {
    yield { kind: 'unusable', label, original: zipPath, errors: scanned.errors }
    return
  }
  const zip = scanned.index
  if (zip.entries.has('case.json')) {
    yield { kind: 'zip', label, root: '', zip }
    return
  }
  const folders = new Set<string>()
  for (const name of zip.entries.keys()) {
    const slash = name.indexOf('/')
    if (slash > 0) folders.add(name.slice(0, slash))
  }
  const cases = [...folders].filter((f) => !isLitter(f)).sort()
  if (cases.length === 0) {
    yield unusable(label, 'no-case-json', 'The zip holds no case.json, neither at its root nor in a folder one level down.', zipPath, zip.displayName)
    return
  }
  for (const folder of cases) {
    const caseLabel = `${label}!/${folder}`
    if (zip.entries.has(`${folder}/case.json`)) yield { kind: 'zip', label: caseLabel, root: `${folder}/`, zip }
    else yield unusable(caseLabel, 'no-case-json', `The folder ${printable(folder)} in the zip has no case.json (case folders are looked for one level deep only).`, undefined, entryLocation(zip.displayName, `${folder}/`))
  }
}
