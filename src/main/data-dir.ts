import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * The data dir holds the case database and the artifact store. Precedence: `--data-dir D` on the
 * command line, then KYC_DESK_DATA_DIR, then the platform default (Electron's userData for the
 * app; the same folder for the CLI so that both see the same cases).
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  const i = argv.findIndex((a) => a === '--data-dir' || a.startsWith('--data-dir='))
  let chosen: string | undefined
  if (i >= 0) chosen = argv[i].includes('=') ? argv[i].slice('--data-dir='.length) : argv[i + 1]
  chosen ||= env.KYC_DESK_DATA_DIR || fallback
  const dir = resolve(chosen)
  mkdirSync(dir, { recursive: true })
  return dir
}

/** Where Electron would put userData for "KYC Desk", computed without Electron (for the CLI). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = env.HOME ?? env.USERPROFILE ?? '.'
  if (platform === 'win32') return resolve(env.APPDATA ?? resolve(home, 'AppData/Roaming'), 'KYC Desk')
  if (platform === 'darwin') return resolve(home, 'Library/Application Support/KYC Desk')
  return resolve(env.XDG_CONFIG_HOME ?? resolve(home, '.config'), 'KYC Desk')
}
