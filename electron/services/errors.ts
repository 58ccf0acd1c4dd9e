/**
 * An error caused by what the user asked for (unknown id, quote not found, bad file):
 * its message is shown as is. Anything else is a bug and is reported as internal.
 */
export class UserError extends Error {
  override name = 'UserError';
}
