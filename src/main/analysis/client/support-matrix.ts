import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { resourcePath } from '../../resources'

const Why = { why: z.string().min(1), whyZh: z.string().min(1) }
const Floor = z.object({ required: z.string().min(1), supported: z.string().min(1).optional(), ...Why })

const MatrixSchema = z.object({
  header: z.object({ source: z.string().min(1), date: z.string().min(1) }),
  browsers: z.record(
    z.string(),
    z.union([
      Floor.extend({ aliases: z.array(z.string()).default([]), versionOf: z.enum(['browser', 'engine']) }),
      z.object({ aliases: z.array(z.string()).default([]), versionOf: z.literal('os'), ...Why }),
    ]),
  ),
  engines: z.record(z.string(), Floor),
  unsupportedBrowsers: z.array(z.object({ name: z.string(), severity: z.enum(['blocker', 'warning']), ...Why })),
  inAppBrowsers: z.object({ severity: z.enum(['blocker', 'warning']), except: z.array(z.string()), ...Why }),
  operatingSystems: z.record(z.string(), Floor),
  windowsVersionOrder: z.array(z.string()).min(1),
  client: Floor,
})
export type SupportMatrix = z.infer<typeof MatrixSchema>
export type VersionFloor = z.infer<typeof Floor>

let cached: SupportMatrix | undefined

/** resources/data/client-support-matrix.json, validated once per process. */
export function supportMatrix(): SupportMatrix {
  cached ??= MatrixSchema.parse(JSON.parse(readFileSync(resourcePath('data', 'client-support-matrix.json'), 'utf8')))
  return cached
}
