import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { resourcePath } from '../resources'

/**
 * Every analysis threshold lives in resources/analysis-settings.json: one entry per threshold,
 * with its value, unit and the reason for the value (shown read-only in the app and in
 * docs/analysis.md). Analysers declare the keys they read; loading fails loudly when one is
 * missing, so a typo can never silently fall back to a default.
 */
export const SettingEntrySchema = z.object({
  value: z.number(),
  unit: z.string(),
  why: z.string().min(1),
})
export type SettingEntry = z.infer<typeof SettingEntrySchema>

export const AnalysisSettingsSchema = z.record(z.string(), z.record(z.string(), SettingEntrySchema))
export type AnalysisSettings = z.infer<typeof AnalysisSettingsSchema>

export function loadAnalysisSettings(file = resourcePath('analysis-settings.json')): AnalysisSettings {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'))
  const parsed = AnalysisSettingsSchema.safeParse(raw)
  if (!parsed.success) {
    throw new Error(`Invalid analysis settings in ${file}: ${z.prettifyError(parsed.error)}`)
  }
  return parsed.data
}

/** Typed access to one section: `const s = section(settings, 'documentQuality', ['blurMin'] as const)`. */
export function settingsSection<K extends string>(
  settings: AnalysisSettings,
  name: string,
  keys: readonly K[],
): Record<K, number> {
  const sec = settings[name]
  if (!sec) throw new Error(`analysis-settings.json has no section "${name}"`)
  const out = {} as Record<K, number>
  for (const key of keys) {
    const entry = sec[key]
    if (!entry) throw new Error(`analysis-settings.json section "${name}" has no setting "${key}"`)
    out[key] = entry.value
  }
  return out
}
