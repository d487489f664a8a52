import type { Migration } from '../migrate'

/**
 * Assignment ("My open", "Unassigned"). The queue-order index gains the assignee so every filter
 * but cause and search is answered from the index alone (totals and counts included); and an
 * agent's own cases, a few among 100,000, get an index of their own, already in age order.
 * Measured with `npm run bench -- queue` (docs/architecture.md).
 */
export const m0005CaseAssignee: Migration = {
  version: 5,
  name: 'case-assignee',
  up: (db) => {
    db.exec(`
      DROP INDEX cases_queue_order;
      CREATE INDEX cases_queue_order ON cases(submitted_at, status, country, latest_attempt, assignee);
      CREATE INDEX cases_assignee_submitted ON cases(assignee, submitted_at);
    `)
  },
}
