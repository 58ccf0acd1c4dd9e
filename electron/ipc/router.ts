// The router: the single entry point both transports (Electron IPC, loopback HTTP) call.
// It checks the channel, parses the payload with the contract's schema, runs the
// handler and turns every outcome into a Reply a person can read.
import { contract, isChannel, type Channel, type Reply } from './contract';
import { handlers, type ServiceContext } from './handlers';
import { UserError, WorkspaceError } from '../services/errors';

export type Router = (channel: unknown, payload: unknown) => Promise<Reply<unknown>>;

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export function createRouter(ctx: ServiceContext, log: (message: string) => void = (m) => console.error(m)): Router {
  return async (channel, payload) => {
    if (!isChannel(channel)) return { ok: false, error: `Unknown request ${JSON.stringify(String(channel).slice(0, 80))}.` };
    const parsed = contract[channel].input.safeParse(payload ?? {});
    if (!parsed.success) return { ok: false, error: `Invalid request for ${channel}: ${describeIssues(parsed.error.issues)}` };
    try {
      const handler = handlers[channel] as (input: unknown, c: ServiceContext) => unknown;
      return { ok: true, value: await handler(parsed.data, ctx) };
    } catch (err) {
      if (err instanceof UserError || err instanceof WorkspaceError) return { ok: false, error: err.message };
      log(`[sourcebook] ${channel} failed: ${(err as Error).stack ?? String(err)}`);
      return { ok: false, error: `Something went wrong while handling ${channel as Channel}: ${(err as Error).message}` };
    }
  };
}
