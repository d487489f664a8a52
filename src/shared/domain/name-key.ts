/**
 * A person's name folded for comparison across cases: letters only, no case, no accents, given
 * and family names in alphabetical order (so "LIN MEI-HUA" and "Mei Hua Lin" agree).
 */
export function nameKey(firstName: string, lastName: string): string {
  return `${firstName} ${lastName}`
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ')
}
