// A version's original bytes (the file as imported: HTML, a PDF, a .docx), kept for
// provenance beside the text extracted from them, stored once and small:
//   - bytes that are exactly the text (a .txt, most Markdown) are not stored again: the
//     column is NULL and the recorded hash equals the text's hash, which says "the text";
//   - bytes that are the text and a little more after it (the final line break a text
//     file ends with, which the text loses) keep only what follows the text, marked
//     `original_encoding = 'text+tail'`;
//   - larger bytes that deflate well (HTML, DOCX XML, uncompressed PDF streams) are stored
//     deflated, marked by `original_encoding = 'deflate'`;
//   - anything else as it is.
// The hash is always of the bytes as imported, so `verify` checks what the person gave.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { createHash } from 'node:crypto';

/** Below this, deflating saves too little to be worth it. */
const DEFLATE_FROM_BYTES = 1024;

export type OriginalEncoding = 'deflate' | 'text+tail' | null;

export interface StoredOriginal {
  original: Buffer | null;
  encoding: OriginalEncoding;
  hash: string | null;
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** How a version's original bytes are stored, given its text and the text's hash. */
export function storeOriginal(bytes: Buffer | null, text: string, textHash: string): StoredOriginal {
  if (!bytes) return { original: null, encoding: null, hash: null };
  const hash = sha256(bytes);
  if (hash === textHash) return { original: null, encoding: null, hash };
  const textBytes = Buffer.byteLength(text, 'utf8');
  if (bytes.length >= textBytes && bytes.length - textBytes <= 64 && bytes.subarray(0, textBytes).equals(Buffer.from(text, 'utf8'))) {
    return { original: Buffer.from(bytes.subarray(textBytes)), encoding: 'text+tail', hash };
  }
  if (bytes.length >= DEFLATE_FROM_BYTES) {
    const deflated = deflateRawSync(bytes);
    if (deflated.length < bytes.length * 0.9) return { original: deflated, encoding: 'deflate', hash };
  }
  return { original: bytes, encoding: null, hash };
}

/** The original bytes as imported, from a stored row (null when none were kept). */
export function readOriginal(row: { original: Buffer | null; encoding: string | null; hash: string | null; text: string; textHash: string }): Buffer | null {
  if (row.original === null) return row.hash !== null && row.hash === row.textHash ? Buffer.from(row.text, 'utf8') : null;
  if (row.encoding === 'text+tail') return Buffer.concat([Buffer.from(row.text, 'utf8'), row.original]);
  return row.encoding === 'deflate' ? inflateRawSync(row.original) : row.original;
}
