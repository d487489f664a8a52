/**
 * Dotted version comparison for browser, OS and client versions ("131.0.6778.85", "10.15.7",
 * "2.41.0-rc.1"). Missing parts count as 0 ("14" = "14.0"); a pre-release sorts before its
 * release, as in semver. `semver` itself rejects four-part and two-part browser versions, and the
 * project does not depend on it directly.
 */
interface Parsed {
  parts: number[]
  pre: string[] | null
}

export function parseVersion(v: string): Parsed | null {
  const m = /^\s*v?(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]*)?\s*$/.exec(v)
  if (!m) return null
  return { parts: m[1].split('.').map(Number), pre: m[2] ? m[2].split('.') : null }
}

function comparePre(a: string[], b: string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === undefined) return -1
    if (b[i] === undefined) return 1
    const na = /^\d+$/.test(a[i]) ? Number(a[i]) : NaN
    const nb = /^\d+$/.test(b[i]) ? Number(b[i]) : NaN
    if (!Number.isNaN(na) && !Number.isNaN(nb)) {
      if (na !== nb) return na < nb ? -1 : 1
    } else if (a[i] !== b[i]) {
      // Numeric identifiers sort before alphanumeric ones (semver §11).
      if (!Number.isNaN(na)) return -1
      if (!Number.isNaN(nb)) return 1
      return a[i] < b[i] ? -1 : 1
    }
  }
  return 0
}

/** <0, 0, >0 like a sort comparator; null when either side is not a version. */
export function compareVersions(a: string, b: string): number | null {
  const pa = parseVersion(a)
  const pb = parseVersion(b)
  if (!pa || !pb) return null
  for (let i = 0; i < Math.max(pa.parts.length, pb.parts.length); i++) {
    const x = pa.parts[i] ?? 0
    const y = pb.parts[i] ?? 0
    if (x !== y) return x < y ? -1 : 1
  }
  if (pa.pre && pb.pre) return comparePre(pa.pre, pb.pre)
  if (pa.pre) return -1
  if (pb.pre) return 1
  return 0
}
