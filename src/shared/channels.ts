/**
 * The names of the contract's channels, with no schema attached, so the sandboxed preload can
 * bind them without bundling zod. src/shared/contract.ts must define exactly these (checked by
 * its types).
 */
export const CHANNELS = [
  'app:info',
  'cases:list',
  'cases:counts',
  'cases:get',
  'cases:assign',
  'settings:analysis',
  'import:choose',
  'import:start',
  'import:status',
  'import:cancel',
  // Remedies, reply templates, decisions, outbox, audit (schemas: contract-replies.ts).
  'remedies:list',
  'remedies:for-case',
  'templates:list',
  'templates:save',
  'templates:duplicate',
  'templates:delete',
  'templates:lint',
  'templates:preview',
  'decisions:record',
  'decisions:list',
  'replies:queue',
  'outbox:list',
  'outbox:retry',
  'outbox:cancel',
  'outbox:text',
  'outbox:eml',
  'audit:record-view',
  'audit:list',
  'audit:export-csv',
  'settings:smtp',
  'settings:smtp-save',
  'settings:smtp-password',
  'settings:smtp-test',
  'settings:agent',
  'settings:agent-save',
  // Masking, reveal, lock, watermarked exports, desk policy (schemas: contract-privacy.ts).
  'cases:reveal',
  'cases:conceal',
  'cases:export-image',
  'session:lock',
  'session:unlock',
  'settings:policy',
  'settings:policy-save',
  // The agent's saved queue views, in the encrypted database (schemas: contract-views.ts).
  'views:list',
  'views:save',
  // Unlocking an encrypted data dir (schemas: contract-keys.ts); answered before unlock too,
  // except keys:set-passphrase (a passphrase for the command line, from Settings).
  'keys:state',
  'keys:unlock',
  'keys:create',
  'keys:set-passphrase',
] as const

export type Channel = (typeof CHANNELS)[number]

/** The IPC channel name in Electron for a contract channel. */
export const ipcName = (channel: Channel): string => `kyc:${channel}`

/** Main → renderer: a command chosen in the application menu (e.g. 'import'). */
export const MENU_COMMAND_CHANNEL = 'kyc:menu-command'
