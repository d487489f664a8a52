import { call } from '../api'

/**
 * Records in the audit log that the agent was shown a case's images. CaseView calls it each time
 * the shown files change (a case opened, another attempt or side picked). A failure is not shown
 * to the agent: the review goes on, and main logs the error.
 */
export function recordImageView(caseId: number, files: string[]): void {
  if (files.length === 0) return
  void call('audit:record-view', { caseId, files }).catch(() => undefined)
}
