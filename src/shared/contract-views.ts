import { z } from './zod'
import { SavedViewsSchema } from './domain/saved-views'

/**
 * The agent's saved queue views, kept in the encrypted case database (`app_settings`) rather
 * than in the renderer's localStorage: a view's search text can be a customer's name or document
 * number. Spread into the contract in contract.ts; names listed in channels.ts.
 */
export const viewsContract = {
  /** The agent's own views in order (the built-in ones live in the renderer). */
  'views:list': {
    input: z.object({}).strict(),
    output: z.object({ views: SavedViewsSchema }),
  },
  /** Replaces the whole list with the one given; answers the list as stored. */
  'views:save': {
    input: z.object({ views: SavedViewsSchema }).strict(),
    output: z.object({ views: SavedViewsSchema }),
  },
} as const

export const VIEWS_CHANNELS = Object.keys(viewsContract) as (keyof typeof viewsContract)[]
