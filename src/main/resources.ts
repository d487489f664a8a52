import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Where resources/ is: found by walking up from this module, because this code runs from
 * src/ (tsx: CLI, tests, web host) and from out/main (the built Electron app).
 */
function findResourcesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources')
    if (existsSync(join(candidate, 'analysis-settings.json'))) return candidate
    dir = dirname(dir)
  }
  throw new Error('Cannot find the resources/ folder of KYC Desk')
}

let cached: string | undefined
export function resourcesDir(): string {
  cached ??= process.env.KYC_DESK_RESOURCES ? resolve(process.env.KYC_DESK_RESOURCES) : findResourcesDir()
  return cached
}

export function resourcePath(...parts: string[]): string {
  return join(resourcesDir(), ...parts)
}
