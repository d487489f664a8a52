import type { BundleFile } from '../types'

/** What the case holds for a file whose upload we look at. */
export type BundleFileState =
  | { state: 'not_in_case' }
  | { state: 'missing' }
  | { state: 'truncated'; bytes: number; expected: number }
  | { state: 'complete'; bytes: number }

export function bundleFileState(files: readonly BundleFile[], name: string, expectedBytes: number): BundleFileState {
  const file = files.find((f) => f.name === name)
  if (!file) return { state: 'not_in_case' }
  if (!file.bytes) return { state: 'missing' }
  if (file.bytes.length < expectedBytes) return { state: 'truncated', bytes: file.bytes.length, expected: expectedBytes }
  return { state: 'complete', bytes: file.bytes.length }
}
