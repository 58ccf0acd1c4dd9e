import { UserError } from '../../services/errors';

/** The value looked up, or the error a person reads: "No source with id src_…". */
export function found<T>(value: T | null, what: string, id: string): T {
  if (value === null) throw new UserError(`No ${what} with id ${id}.`);
  return value;
}
