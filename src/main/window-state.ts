import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

const BoundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean().default(false),
})
export type WindowBounds = z.infer<typeof BoundsSchema>

const file = (dataDir: string) => join(dataDir, 'window-state.json')

/** The window's last size and position; a missing or damaged file just means the default. */
export function loadWindowBounds(dataDir: string): WindowBounds | undefined {
  try {
    const parsed = BoundsSchema.safeParse(JSON.parse(readFileSync(file(dataDir), 'utf8')))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

export function saveWindowBounds(dataDir: string, bounds: WindowBounds): void {
  writeFileSync(file(dataDir), `${JSON.stringify(bounds)}\n`)
}
