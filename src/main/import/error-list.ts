import { MAX_REPORTED_ERRORS } from './limits'
import type { ReadError } from './types'

/** Collects a bundle's errors, keeping the first MAX_REPORTED_ERRORS and counting the rest. */
export class ErrorList {
  private readonly kept: ReadError[] = []
  private dropped = 0

  add(error: ReadError): void {
    if (this.kept.length < MAX_REPORTED_ERRORS) this.kept.push(error)
    else this.dropped++
  }

  get length(): number {
    return this.kept.length + this.dropped
  }

  /** The kept errors, plus one line saying how many more there were (same rule as the last). */
  list(): ReadError[] {
    if (this.dropped === 0) return [...this.kept]
    const last = this.kept[this.kept.length - 1]
    return [...this.kept, { file: last.file, rule: last.rule, message: `…and ${this.dropped} more problems like these.` }]
  }
}
