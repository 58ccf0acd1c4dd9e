// The router: the single entry point both transports (Electron IPC, loopback HTTP) call.
// It checks the channel, parses the payload with the contract's schema, runs the
// handler and turns every outcome into a Reply a person can read.
import { contract, isChannel, type Channel, type Reply } from './contract';
import { handlers, type ServiceContext } from './handlers';
import { RefusedRequest, storageFailure, UserError, WorkspaceError } from '../services/errors';

export type Router = (channel: unknown, payload: unknown) => Promise<Reply<unknown>>;

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * The HTTP status a transport that has them gives a failed reply: 404 for an unknown
 * request, 400 for one its schema refuses, the status of a RefusedRequest (a request the
 * page could not have made: a workspace id it was never offered), 503 when the disk under
 * the workspace failed, 500 for a bug. A refusal a person caused ("No source with id …")
 * is an answer: 200.
 * Kept beside the reply, not in it, so both transports carry the same JSON.
 */
const statuses = new WeakMap<object, number>();
export const replyStatus = (reply: Reply<unknown>): number => statuses.get(reply) ?? 200;

function failed(status: number, error: string): Reply<unknown> {
  const reply: Reply<unknown> = { ok: false, error };
  statuses.set(reply, status);
  return reply;
}

export function createRouter(ctx: ServiceContext, log: (message: string) => void = (m) => console.error(m)): Router {
  return async (channel, payload) => {
    if (!isChannel(channel)) return failed(404, `Unknown request ${JSON.stringify(String(channel).slice(0, 80))}.`);
    const parsed = contract[channel].input.safeParse(payload ?? {});
    if (!parsed.success) return failed(400, `Invalid request for ${channel}: ${describeIssues(parsed.error.issues)}`);
    try {
      const handler = handlers[channel] as (input: unknown, c: ServiceContext) => unknown;
      return { ok: true, value: await handler(parsed.data, ctx) };
    } catch (err) {
      if (err instanceof RefusedRequest) return failed(err.status, err.message);
      if (err instanceof UserError || err instanceof WorkspaceError) return { ok: false, error: err.message };
      const storage = storageFailure(ctx.workspacePath, err);
      if (storage) return failed(503, storage.message);
      log(`[sourcebook] ${channel} failed: ${(err as Error).stack ?? String(err)}`);
      return failed(500, `Something went wrong while handling ${channel as Channel}: ${(err as Error).message}`);
    }
  };
}
