import { randomBytes } from 'node:crypto'
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { join, relative, resolve, isAbsolute } from 'node:path'
import { KEY_BYTES } from './data-keys'
import { KeyringError } from './errors'

/** Where this user's key files live: outside every data dir, readable by this user only. */
export interface UserKeyDir {
  path: string
}

/**
 * `$XDG_CONFIG_HOME/kyc-desk/keys` (else `~/.config/kyc-desk/keys`; `%APPDATA%\kyc-desk\keys` on
 * Windows). Deliberately not the app's data dir: a copied or backed-up data dir does not carry
 * the key that opens it.
 */
export function userKeyDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): UserKeyDir {
  const home = env.HOME ?? env.USERPROFILE ?? '.'
  const base = platform === 'win32' ? env.APPDATA ?? resolve(home, 'AppData/Roaming') : env.XDG_CONFIG_HOME || resolve(home, '.config')
  return { path: resolve(base, 'kyc-desk', 'keys') }
}

function inside(parent: string, child: string): boolean {
  const rel = relative(resolve(parent), resolve(child))
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** A new random key file (mode 0600 in a 0700 folder); refuses a folder inside the data dir. */
export function createUserKey(dir: UserKeyDir, dataDir: string): { file: string; key: Buffer } {
  if (inside(dataDir, dir.path)) {
    throw new KeyringError(`The user key folder ${dir.path} is inside the data dir ${dataDir}: the key would sit beside what it locks. Set XDG_CONFIG_HOME elsewhere, or use KYC_DESK_KEY.`)
  }
  mkdirSync(dir.path, { recursive: true, mode: 0o700 })
  const file = `${randomBytes(16).toString('hex')}.key`
  const key = randomBytes(KEY_BYTES)
  const fd = openSync(join(dir.path, file), 'wx', 0o600)
  try {
    writeSync(fd, `${key.toString('hex')}\n`)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  // The mode given to open is masked by the umask; set it exactly.
  if (process.platform !== 'win32') chmodSync(join(dir.path, file), 0o600)
  return { file, key }
}

/** The key in a key file, or undefined when the file is not there. */
export function readUserKey(dir: UserKeyDir, file: string): Buffer | undefined {
  const path = join(dir.path, file)
  if (!existsSync(path)) return undefined
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    throw new KeyringError(`The user key file ${path} can be read by other users (mode ${(statSync(path).mode & 0o777).toString(8)}): run chmod 600 on it.`)
  }
  const text = readFileSync(path, 'utf8').trim()
  if (!/^[a-f0-9]{64}$/.test(text)) throw new KeyringError(`The user key file ${path} is damaged (it should hold 64 hex digits).`)
  return Buffer.from(text, 'hex')
}

export function removeUserKey(dir: UserKeyDir, file: string): void {
  rmSync(join(dir.path, file), { force: true })
}
