/**
 * An error caused by what the user asked for (unknown id, quote not found, bad file):
 * its message is shown as is. Anything else is a bug and is reported as internal.
 */
export class UserError extends Error {
  override name = 'UserError';
  /** What kind of failure, for scripts (`--json` errors): "user", "not-found", "disk-full", "read-only". */
  constructor(
    message: string,
    readonly code: string = 'user',
  ) {
    super(message);
  }
}

/**
 * A request no person could have made through the page: an id the page was never
 * offered (a forged or stale request). Refused with the HTTP status given, and a sentence,
 * where a UserError is an answer; `code` for scripts as UserError's.
 */
export class RefusedRequest extends UserError {
  override name = 'RefusedRequest';
  constructor(
    message: string,
    readonly status: 400 | 404 = 404,
    code = 'not-found',
  ) {
    super(message, code);
  }
}

/** The value looked up, or the error a person reads: "No source with id src_…". */
export function found<T>(value: T | null, what: string, id: string): T {
  if (value === null) throw new UserError(`No ${what} with id ${id}.`, 'not-found');
  return value;
}

export { WorkspaceError, storageFailure } from '../../db/workspace';
