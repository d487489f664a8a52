import { beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './source-ast'

// The renderer's CSP has no 'unsafe-eval', so zod must never reach for `new Function`: with
// `jitless` on it neither probes for eval nor compiles its fast object parsers. zod reads the
// setting when a schema is BUILT, so it has to be on before the first schema module runs.
// We count the `new Function` calls that come from zod while the contract loads and parses.
const zodEvalCalls: string[] = []
const RealFunction = globalThis.Function
let contract: typeof import('../../../src/shared/contract')
let globalConfig: { jitless?: boolean }

beforeAll(async () => {
  globalThis.Function = new Proxy(RealFunction, {
    construct(target, args, newTarget) {
      const stack = new Error().stack ?? ''
      if (/[\\/]node_modules[\\/]zod[\\/]/.test(stack)) zodEvalCalls.push(String(args.at(-1) ?? '').slice(0, 60))
      return Reflect.construct(target, args, newTarget)
    },
  })
  try {
    contract = await import('../../../src/shared/contract')
    const { z } = await import('zod')
    globalConfig = z.config()
  } finally {
    globalThis.Function = RealFunction
  }
})

describe('zod jitless (CSP without unsafe-eval)', () => {
  it('the contract turns jitless on', () => {
    expect(globalConfig.jitless).toBe(true)
  })

  // src/shared/zod.ts turns jitless on before any schema is built (every shared schema imports z
  // from it; lint forbids importing 'zod' directly in src/shared).
  it('no schema is built before jitless is on: loading and using the contract never calls new Function', async () => {
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args, newTarget) {
        if (/[\\/]node_modules[\\/]zod[\\/]/.test(new Error().stack ?? '')) zodEvalCalls.push(String(args.at(-1) ?? '').slice(0, 60))
        return Reflect.construct(target, args, newTarget)
      },
    })
    try {
      for (const channel of Object.keys(contract.contract) as (keyof typeof contract.contract)[]) {
        contract.contract[channel].input.safeParse({})
      }
    } finally {
      globalThis.Function = RealFunction
    }
    expect(zodEvalCalls).toEqual([])
  })

  const assets = join(ROOT, 'out/renderer/assets')
  const bundles = existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith('.js')) : []
  it.skipIf(bundles.length === 0)('the built renderer turns jitless on before its schemas are built', () => {
    const text = bundles.map((f) => readFileSync(join(assets, f), 'utf8')).join('\n')
    expect(text).toMatch(/\bconfig[\w$]*\(\s*\{\s*jitless:\s*(true|!0)\s*\}\s*\)/)
  })
})
