// A small ZIP reader for importing Office files, written so that a hostile archive cannot
// exhaust memory: it reads the central directory itself, checks each entry's declared
// sizes against the limits before inflating anything, and then inflates in small steps
// with a running byte count (so an entry whose header lies about its size is stopped as
// soon as it passes a limit, having produced at most one step's worth of extra bytes).
// Only entries that are read are ever decompressed; the rest of the archive (embedded
// images and the like) costs nothing.
import { Inflate } from 'fflate';

export interface ZipLimits {
  /** Most bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Most bytes all entries read from one archive may inflate to, together. */
  maxTotalBytes: number;
  /** Most an entry may expand (inflated size / compressed size) once it passes `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries smaller than this are never refused for their ratio (small XML compresses very well). */
  ratioFloorBytes: number;
}

export const MB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 64 * MB,
  maxTotalBytes: 128 * MB,
  maxRatio: 100,
  ratioFloorBytes: 4 * MB,
};

export type ZipErrorCode = 'not-zip' | 'damaged' | 'too-large' | 'ratio' | 'encrypted' | 'unsupported';

export class ZipError extends Error {
  override name = 'ZipError';
  constructor(
    readonly code: ZipErrorCode,
    message: string,
    /** For 'too-large' and 'ratio': the limit that was passed, in bytes. */
    readonly limitBytes = 0,
  ) {
    super(message);
  }
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
/** Compressed bytes handed to the inflater per step: deflate expands at most ~1032:1, so one step yields at most ~8 MB. */
const INFLATE_STEP = 8 * 1024;

/** True when the bytes start like a ZIP archive (a local file header, or an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const sig = bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24);
  return sig === SIG_LOCAL || sig === SIG_EOCD;
}

export class ZipArchive {
  private readonly entries = new Map<string, Entry>();
  private totalRead = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ZipLimits,
  ) {}

  /** Read the archive's directory. Throws ZipError('not-zip') when there is none, 'damaged' when it is broken. */
  static open(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): ZipArchive {
    const archive = new ZipArchive(bytes, { ...DEFAULT_ZIP_LIMITS, ...withoutUndefined(limits) });
    archive.readDirectory();
    return archive;
  }

  /** Entry names (with "/" separators), in directory order. */
  names(): string[] {
    return Array.from(this.entries.values(), (e) => e.name);
  }

  /** Whether an entry exists; names are matched case-insensitively (as OPC part names are). */
  has(name: string): boolean {
    return this.entries.has(key(name));
  }

  /** The entry's bytes, inflated within the limits; null when there is no such entry. */
  read(name: string): Uint8Array | null {
    const entry = this.entries.get(key(name));
    if (!entry) return null;
    const { maxEntryBytes, maxTotalBytes } = this.limits;
    if (entry.flags & 1) throw new ZipError('encrypted', `${entry.name} is encrypted`);
    if (entry.size > maxEntryBytes) throw tooLarge(maxEntryBytes);
    if (this.totalRead + entry.size > maxTotalBytes) throw tooLarge(maxTotalBytes);
    this.checkRatio(entry.size, entry.compressedSize);

    const data = this.entryData(entry);
    let out: Uint8Array;
    if (entry.method === 0) {
      if (data.length > maxEntryBytes) throw tooLarge(maxEntryBytes);
      if (this.totalRead + data.length > maxTotalBytes) throw tooLarge(maxTotalBytes);
      out = data.slice();
    } else if (entry.method === 8) {
      out = this.inflate(data);
    } else {
      throw new ZipError('unsupported', `${entry.name} uses an unsupported compression method (${entry.method})`);
    }
    if (crc32(out) !== entry.crc) throw new ZipError('damaged', `${entry.name} is corrupt (checksum mismatch)`);
    this.totalRead += out.length;
    return out;
  }

  /** The entry as text: UTF-8, or UTF-16 after its byte-order mark (a BOM is dropped); null when there is no such entry. */
  readText(name: string): string | null {
    const bytes = this.read(name);
    if (!bytes) return null;
    const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
    return new TextDecoder(encoding).decode(bytes);
  }

  private checkRatio(size: number, compressedSize: number): void {
    const { maxRatio, ratioFloorBytes } = this.limits;
    if (size > ratioFloorBytes && size > compressedSize * maxRatio) {
      throw new ZipError('ratio', `expands more than ${maxRatio} times`, ratioFloorBytes);
    }
  }

  private inflate(data: Uint8Array): Uint8Array {
    const { maxEntryBytes, maxTotalBytes } = this.limits;
    const chunks: Uint8Array[] = [];
    let produced = 0;
    let consumed = 0;
    let done = false;
    const inflater = new Inflate((chunk, final) => {
      produced += chunk.length;
      if (produced > maxEntryBytes) throw tooLarge(maxEntryBytes);
      if (this.totalRead + produced > maxTotalBytes) throw tooLarge(maxTotalBytes);
      // Checked against what has been consumed so far: a lying header cannot hide a bomb.
      this.checkRatio(produced, consumed);
      chunks.push(chunk);
      if (final) done = true;
    });
    try {
      while (consumed < data.length && !done) {
        const end = Math.min(consumed + INFLATE_STEP, data.length);
        const step = data.subarray(consumed, end);
        consumed = end;
        inflater.push(step, consumed === data.length);
      }
      if (!done) inflater.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof ZipError) throw error;
      throw new ZipError('damaged', `the compressed data is corrupt (${(error as Error).message})`);
    }
    return concat(chunks, produced);
  }

  private entryData(entry: Entry): Uint8Array {
    const { bytes } = this;
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || u32(bytes, at) !== SIG_LOCAL) throw damaged(`${entry.name} has no local header`);
    const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw damaged(`${entry.name} runs past the end of the file (incomplete download?)`);
    return bytes.subarray(start, end);
  }

  private readDirectory(): void {
    const { bytes } = this;
    const eocd = findEndOfDirectory(bytes);
    if (eocd < 0) {
      if (looksLikeZip(bytes)) throw damaged('the file ends early (an interrupted download?)');
      throw new ZipError('not-zip', 'no ZIP directory found');
    }
    let count = u16(bytes, eocd + 10);
    let size = u32(bytes, eocd + 12);
    let offset = u32(bytes, eocd + 16);
    if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
      const locator = eocd - 20;
      if (locator >= 0 && u32(bytes, locator) === SIG_EOCD64_LOCATOR) {
        const eocd64 = u64(bytes, locator + 8);
        if (eocd64 + 56 > bytes.length || u32(bytes, eocd64) !== SIG_EOCD64) throw damaged('broken ZIP64 directory');
        count = u64(bytes, eocd64 + 32);
        size = u64(bytes, eocd64 + 40);
        offset = u64(bytes, eocd64 + 48);
      }
    }
    if (offset + size > bytes.length) throw damaged('the ZIP directory runs past the end of the file (incomplete download?)');

    let at = offset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || u32(bytes, at) !== SIG_CENTRAL) throw damaged('broken ZIP directory');
      const flags = u16(bytes, at + 8);
      const method = u16(bytes, at + 10);
      const crc = u32(bytes, at + 16);
      let compressedSize = u32(bytes, at + 20);
      let size = u32(bytes, at + 24);
      const nameLength = u16(bytes, at + 28);
      const extraLength = u16(bytes, at + 30);
      const commentLength = u16(bytes, at + 32);
      let localHeaderOffset = u32(bytes, at + 42);
      const nameStart = at + 46;
      const extraStart = nameStart + nameLength;
      const next = extraStart + extraLength + commentLength;
      if (next > bytes.length) throw damaged('broken ZIP directory');
      const name = new TextDecoder('utf-8').decode(bytes.subarray(nameStart, extraStart)).replace(/\\/g, '/').replace(/^\/+/, '');

      if (size === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
        // ZIP64 extended information: the 64-bit values, in this order, for the fields that overflowed.
        for (let x = extraStart; x + 4 <= extraStart + extraLength; ) {
          const id = u16(bytes, x);
          const len = u16(bytes, x + 2);
          if (id === 0x0001) {
            let p = x + 4;
            if (size === 0xffffffff) {
              size = u64(bytes, p);
              p += 8;
            }
            if (compressedSize === 0xffffffff) {
              compressedSize = u64(bytes, p);
              p += 8;
            }
            if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(bytes, p);
            break;
          }
          x += 4 + len;
        }
      }
      if (!name.endsWith('/') && !this.entries.has(key(name))) {
        this.entries.set(key(name), { name, method, flags, crc, compressedSize, size, localHeaderOffset });
      }
      at = next;
    }
  }
}

function key(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

function tooLarge(limit: number): ZipError {
  return new ZipError('too-large', `expands to more than ${Math.round(limit / MB)} MB`, limit);
}

function damaged(message: string): ZipError {
  return new ZipError('damaged', message);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function findEndOfDirectory(bytes: Uint8Array): number {
  // The end record is 22 bytes plus a comment of up to 65,535 bytes.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (bytes[at] === 0x50 && u32(bytes, at) === SIG_EOCD) return at;
  }
  return -1;
}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  // Exact up to 2^53, far beyond any file this reads.
  return u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

let CRC_TABLE: Uint32Array | null = null;

function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
