/** Geometry of the virtualised queue list (QueueView.vue, components/queue/QueueRows.vue). */
export const ROW_HEIGHT = 40
/** Rows built beyond each edge of the viewport, so a short scroll shows rows that already exist. */
export const OVERSCAN = 5

/** The row indices in the DOM for a scroll position: those on screen plus OVERSCAN either side. */
export function visibleRange(scrollTop: number, viewportHeight: number, total: number): { first: number; last: number } {
  return {
    first: Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN),
    last: Math.min(total - 1, Math.ceil((scrollTop + viewportHeight) / ROW_HEIGHT) + OVERSCAN),
  }
}

/**
 * How many row elements exist at most (keys are recycled among them): every index in a visible
 * range gets a distinct `index % slots`.
 */
export function slotCount(viewportHeight: number): number {
  return Math.ceil(viewportHeight / ROW_HEIGHT) + 2 * OVERSCAN + 2
}
