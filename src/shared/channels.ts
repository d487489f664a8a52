/**
 * The names of the contract's channels, with no schema attached, so the sandboxed preload can
 * bind them without bundling zod. src/shared/contract.ts must define exactly these (checked by
 * its types).
 */
export const CHANNELS = [
  'app:info',
  'cases:list',
  'cases:get',
  'settings:analysis',
  'import:choose',
  'import:start',
  'import:status',
  'import:cancel',
] as const

export type Channel = (typeof CHANNELS)[number]

/** The IPC channel name in Electron for a contract channel. */
export const ipcName = (channel: Channel): string => `kyc:${channel}`
