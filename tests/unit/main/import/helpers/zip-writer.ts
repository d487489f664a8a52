import { crc32, deflateRawSync } from 'node:zlib'

/**
 * A minimal zip writer for tests. Unlike real zip libraries it writes whatever it is told:
 * '../' names, backslashes, symlink mode bits, lying sizes, shared (overlapping) data, so that
 * the importer's defences can be tested against the archives attackers actually send.
 */
export interface ZipEntrySpec {
  /** The name as stored (a Buffer for raw, possibly non-UTF-8, bytes). */
  name: string | Buffer
  data?: Buffer | string
  /** 0 = stored, 8 = deflate (default for non-empty data). */
  method?: number
  /** Unix st_mode put in the external attributes, e.g. 0o120777 for a symlink. */
  mode?: number
  /** Lie about the uncompressed size in both headers. */
  declaredSize?: number
  /** Lie about the CRC-32. */
  crc?: number
  /** Set the "encrypted" flag (the data is not actually encrypted). */
  encrypted?: boolean
  /** Point this central directory record at an earlier entry's local header and data. */
  aliasOf?: number
}

export function buildZip(specs: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  const records: { offset: number; method: number; crc: number; compressed: number; size: number }[] = []
  let offset = 0
  for (const spec of specs) {
    const name = typeof spec.name === 'string' ? Buffer.from(spec.name, 'utf8') : spec.name
    const data = typeof spec.data === 'string' ? Buffer.from(spec.data) : (spec.data ?? Buffer.alloc(0))
    let record
    if (spec.aliasOf !== undefined) {
      record = records[spec.aliasOf]
    } else {
      const method = spec.method ?? (data.length > 0 ? 8 : 0)
      const body = method === 8 ? deflateRawSync(data) : data
      record = { offset, method, crc: spec.crc ?? crc32(data), compressed: body.length, size: spec.declaredSize ?? data.length }
      const local = Buffer.alloc(30)
      local.writeUInt32LE(0x04034b50, 0)
      local.writeUInt16LE(20, 4)
      local.writeUInt16LE(flags(spec), 6)
      local.writeUInt16LE(method, 8)
      local.writeUInt32LE(record.crc >>> 0, 14)
      local.writeUInt32LE(record.compressed, 18)
      local.writeUInt32LE(record.size, 22)
      local.writeUInt16LE(name.length, 26)
      locals.push(local, name, body)
      offset += 30 + name.length + body.length
    }
    records.push(record)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(spec.mode !== undefined ? (3 << 8) | 20 : 20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flags(spec), 8)
    central.writeUInt16LE(record.method, 10)
    central.writeUInt32LE(record.crc >>> 0, 16)
    central.writeUInt32LE(record.compressed, 20)
    central.writeUInt32LE(record.size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(spec.mode !== undefined ? (spec.mode << 16) >>> 0 : 0, 38)
    central.writeUInt32LE(record.offset, 42)
    centrals.push(central, name)
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(specs.length, 8)
  end.writeUInt16LE(specs.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

function flags(spec: ZipEntrySpec): number {
  return (typeof spec.name === 'string' ? 0x800 : 0) | (spec.encrypted ? 0x1 : 0)
}
