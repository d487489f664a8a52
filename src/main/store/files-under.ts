import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/** Every regular file below a folder, depth first; none when the folder does not exist. Symlinks are not followed. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile()) out.push(full)
    }
  }
  walk(dir)
  return out
}
