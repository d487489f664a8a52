/** Small formatting helpers for the importer's messages. */

/** A name safe to show in one line: control characters escaped, long names shortened. */
export function printable(name: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const escaped = name.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return escaped.length > max ? `${escaped.slice(0, max)}…` : escaped
}

/** 1536 → "1.5 KiB"; the unit people see in file managers. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  const units = ['KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))} ${units[unit]}`
}

/** "case.json is 1,049,200 bytes; at most 1,048,576 bytes (1 MiB) are accepted.": exact, since both may round to 1 MiB. */
export function overLimit(what: string, size: number, limit: number): string {
  const n = (x: number) => x.toLocaleString('en')
  return `${what} is ${n(size)} bytes; at most ${n(limit)} bytes (${formatBytes(limit)}) are accepted.`
}
