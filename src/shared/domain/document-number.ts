/** Document numbers compared across cases: case, spaces, hyphens and MRZ fillers ignored. */
export function normaliseDocumentNumber(value: string): string {
  return value.toUpperCase().replace(/[\s\-./<]+/g, '')
}
