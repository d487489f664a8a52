import { z } from 'zod'
import { contract, type ParsedInput, type Output } from '../../shared/contract'
import { CHANNELS, type Channel } from '../../shared/channels'
import { AppError, type Result } from '../../shared/result'

export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Output<C> | Promise<Output<C>> }

export type Dispatch = (channel: string, raw: unknown) => Promise<Result<unknown>>

/**
 * Parse → call → Result, for any transport (Electron IPC, the test web host). A malformed input
 * or an unknown channel is a BAD_INPUT error that says what is wrong; nothing a renderer sends
 * can throw out of here.
 */
export function createDispatch(handlers: Handlers, onInternalError: (channel: string, error: unknown) => void): Dispatch {
  const known = new Set<string>(CHANNELS)
  return async (channel, raw) => {
    if (!known.has(channel)) return { ok: false, error: { code: 'BAD_INPUT', message: `Unknown channel "${channel}".` } }
    const c = channel as Channel
    const parsed = contract[c].input.safeParse(raw ?? {})
    if (!parsed.success) {
      return { ok: false, error: { code: 'BAD_INPUT', message: `Invalid input for ${c}: ${z.prettifyError(parsed.error)}` } }
    }
    try {
      const handler = handlers[c] as (input: unknown) => unknown
      const value = await handler(parsed.data)
      return { ok: true, value }
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } }
      onInternalError(c, error)
      return { ok: false, error: { code: 'INTERNAL', message: `${c} failed: ${error instanceof Error ? error.message : String(error)}` } }
    }
  }
}
