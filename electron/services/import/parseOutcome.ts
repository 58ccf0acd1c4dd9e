// What parsing one file came to, as plain data: the same shape whether the file was parsed
// on this thread or in a parse worker (where it crosses a thread boundary by structured
// clone, which keeps plain objects and strings but not an ImportSkip's class).
import { CANCELLED, ImportSkip, parseFile, type ParseOptions, type ParsedDocument } from './parse';

export type ParseOutcome =
  | { kind: 'parsed'; doc: ParsedDocument }
  /** ImportSkip: deliberately not imported, with the reason shown to the user. */
  | { kind: 'skip'; reason: string }
  /** Anything else the parser threw: the file failed, with this message. */
  | { kind: 'error'; message: string };

export { CANCELLED };

/** parseFile, with its throw turned into an outcome (never rejects). */
export async function parseToOutcome(fileName: string, bytes: Uint8Array, options: ParseOptions = {}): Promise<ParseOutcome> {
  try {
    return { kind: 'parsed', doc: await parseFile(fileName, bytes, options) };
  } catch (err) {
    if (err instanceof ImportSkip) return { kind: 'skip', reason: err.message };
    return { kind: 'error', message: (err as Error).message };
  }
}
