import type { Db } from '../db/connection'
import { getAppSetting, putAppSetting } from '../db/queries/app-settings'
import type { VIEWS_CHANNELS } from '../../shared/contract-views'
import { SavedViewSchema, SavedViewsSchema, type StoredSavedView } from '../../shared/domain/saved-views'
import type { Handlers } from './dispatch'

/** The `app_settings` key holding the agent's saved queue views (a JSON array). */
export const SAVED_VIEWS_KEY = 'queue.savedViews'

/**
 * The agent's saved queue views, in the encrypted database. A view's search text can be a
 * customer's name or document number, which is why they are no longer kept in the renderer's
 * localStorage (Chromium keeps that unencrypted in the profile folder).
 */
export class SavedViewsService {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * The stored list. A stored view this version cannot read (written by a later one, say) is
   * left out rather than failing the queue; the rest are kept.
   */
  list(): StoredSavedView[] {
    const raw = getAppSetting(this.db, SAVED_VIEWS_KEY)
    if (raw === undefined) return []
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch {
      return []
    }
    const whole = SavedViewsSchema.safeParse(parsed)
    if (whole.success) return whole.data
    if (!Array.isArray(parsed)) return []
    const views: StoredSavedView[] = []
    for (const item of parsed) {
      const one = SavedViewSchema.safeParse(item)
      if (one.success && !views.some((v) => v.id === one.data.id || v.name === one.data.name)) views.push(one.data)
    }
    return views
  }

  /** Replaces the list (already checked by the contract: at most 100 views, unique ids and names). */
  save(views: StoredSavedView[]): StoredSavedView[] {
    putAppSetting(this.db, SAVED_VIEWS_KEY, JSON.stringify(views), this.clock().toISOString())
    return this.list()
  }
}

/** The contract handlers of contract-views.ts. */
export function viewsHandlers(views: SavedViewsService): Pick<Handlers, (typeof VIEWS_CHANNELS)[number]> {
  return {
    'views:list': () => ({ views: views.list() }),
    'views:save': (i) => ({ views: views.save(i.views) }),
  }
}
