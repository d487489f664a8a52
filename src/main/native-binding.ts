import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 compiled for Electron's ABI lives apart from the Node build in node_modules
 * (scripts/electron-native.mjs makes it), so `npm start` and `npm test` both work in one checkout.
 */
export function electronNativeBinding(appRoot: string): string | undefined {
  if (!process.versions.electron) return undefined
  const file = join(appRoot, '.electron-native', `electron-${process.versions.electron}`, 'better_sqlite3.node')
  return existsSync(file) ? file : undefined
}
