import { z } from '../zod'
import { QUEUE_SORTS, QueueQuerySchema } from './case'

/** At most this many views of the agent's own (the built-in views are not stored). */
export const SAVED_VIEWS_MAX = 100
/** A view's name, trimmed: 1 to this many characters. */
export const SAVED_VIEW_NAME_MAX = 80

const q = QueueQuerySchema.shape

/**
 * The queue's filters as the renderer keeps them (stores/queue.ts `QueueFilters`): every field
 * present, `null` for "any". Each field takes the bounds of the queue query it becomes, so a
 * stored view can always be run.
 */
export const QueueFiltersSchema = z
  .object({
    statuses: q.statuses.unwrap(),
    causes: q.causes.unwrap(),
    assignee: q.assignee.unwrap().nullable(),
    country: q.country.unwrap().nullable(),
    olderThanHours: q.olderThanHours.unwrap().nullable(),
    minAttempt: q.minAttempt.unwrap().nullable(),
    search: q.search.unwrap(),
    sort: z.enum(QUEUE_SORTS),
  })
  .strict()
export type StoredQueueFilters = z.infer<typeof QueueFiltersSchema>

/** One of the agent's own queue views. Its search text may be a customer's name: kept in the encrypted database only. */
export const SavedViewSchema = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().trim().min(1).max(SAVED_VIEW_NAME_MAX),
    filters: QueueFiltersSchema,
  })
  .strict()
export type StoredSavedView = z.infer<typeof SavedViewSchema>

/** The agent's whole list, in the order shown; ids and names are unique. */
export const SavedViewsSchema = z
  .array(SavedViewSchema)
  .max(SAVED_VIEWS_MAX)
  .superRefine((views, ctx) => {
    for (const key of ['id', 'name'] as const) {
      const seen = new Set<string>()
      views.forEach((v, i) => {
        if (seen.has(v[key])) ctx.addIssue({ code: 'custom', path: [i, key], message: `two views have the ${key} "${v[key]}"; each must be unique` })
        seen.add(v[key])
      })
    }
  })
