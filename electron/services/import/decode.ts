// Bytes → string. A byte-order mark decides the encoding; otherwise the bytes must be
// valid UTF-8, or they are read as a legacy single-byte encoding with a warning (never
// refused: a slightly mis-decoded report is better than none, and the user is told).
// Binary files are refused here with a reason the user can act on.

export type Decoded = { ok: true; text: string; warnings: string[] } | { ok: false; reason: string };

const SNIFF_LENGTH = 8 * 1024;
/** Share of control characters (other than \t \n \r \f) above which a file is binary. */
const MAX_CONTROL_SHARE = 0.1;

interface Signature {
  bytes: readonly number[];
  reason: string;
}

const notText = (kind: string) => `binary content (${kind}), not a text document`;

const SIGNATURES: readonly Signature[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], reason: 'a PDF file, not text (PDF import is not supported yet)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], reason: notText('PNG image') },
  { bytes: [0xff, 0xd8, 0xff], reason: notText('JPEG image') },
  { bytes: [0x47, 0x49, 0x46, 0x38], reason: notText('GIF image') },
  { bytes: [0x50, 0x4b, 0x03, 0x04], reason: notText('ZIP archive; Word, EPUB and other Office files are ZIP archives') },
  { bytes: [0x50, 0x4b, 0x05, 0x06], reason: notText('ZIP archive') },
  { bytes: [0x1f, 0x8b], reason: notText('GZIP archive') },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], reason: notText('legacy Microsoft Office document') },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], reason: notText('ELF executable') },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], reason: notText('RAR archive') },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], reason: notText('7-Zip archive') },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74], reason: notText('SQLite database') },
];

const BINARY = 'binary content, not a text document';
export const WINDOWS_1252_WARNING = 'not valid UTF-8; read as Windows-1252';

/**
 * Decode a file's bytes. `declaredCharset` (an HTML page's `<meta charset>`) is used only
 * when the bytes are not valid UTF-8: pages often declare a charset they do not use.
 */
export function decodeBytes(bytes: Uint8Array, declaredCharset: string | null = null): Decoded {
  const signature = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) return { ok: false, reason: signature.reason };

  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
    const sample = Math.min(text.length, SNIFF_LENGTH);
    if (controlShare(sample, (i) => text.charCodeAt(i)) > MAX_CONTROL_SHARE) return { ok: false, reason: BINARY };
    return { ok: true, text, warnings: [] };
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    // The BOM says UTF-8: trust it, and say so if some bytes could not be read.
    const text = new TextDecoder('utf-8').decode(bytes);
    const warnings = text.includes('\uFFFD') && !isUtf8(bytes) ? ['some bytes are not valid UTF-8 and were replaced'] : [];
    return { ok: true, text, warnings };
  }

  const head = bytes.subarray(0, SNIFF_LENGTH);
  if (head.includes(0) || controlShare(head.length, (i) => head[i]) > MAX_CONTROL_SHARE) {
    return { ok: false, reason: BINARY };
  }

  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings: [] };
  } catch {
    const declared = legacyDecoder(declaredCharset);
    if (declared && declared.encoding !== 'windows-1252') {
      return {
        ok: true,
        text: declared.decode(bytes),
        warnings: [`not valid UTF-8; read as ${declared.encoding} (the charset the page declares)`],
      };
    }
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), warnings: [WINDOWS_1252_WARNING] };
  }
}

/**
 * The charset an HTML page declares in its first 1024 bytes (`<meta charset>`, the
 * http-equiv Content-Type, or an XML declaration), as written; null when none.
 */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024));
  const match =
    /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return match ? match[1] : null;
}

function legacyDecoder(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    const decoder = new TextDecoder(label);
    // A page that declares UTF-8 (or UTF-16, which browsers treat as UTF-8 here) but is not.
    return decoder.encoding.startsWith('utf-') ? null : decoder;
  } catch {
    return null;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f;
}

function controlShare(length: number, codeAt: (i: number) => number): number {
  if (length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < length; i++) if (isControl(codeAt(i))) controls++;
  return controls / length;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
