import type { Db } from '../../../db/workspace';
import type { PdfPrinter } from '../../services/export/pdf';
import type { WorkspaceSwitcher } from '../../services/workspaceSwitcher';
import type { PreferencesHost } from '../../services/preferences';
import type { Channel, Output, ParsedInput } from '../contract';

/** What a handler is given besides its input: the open workspace's store and printer, and restoring it in place. */
export interface ServiceContext {
  db: Db;
  workspacePath: string;
  printer: PdfPrinter;
  restore(backupPath: string): Promise<{ restored: string; previous: string | null }>;
  /** Switching to another workspace, where the host offers it (the served app, the desktop app). */
  workspaces?: WorkspaceSwitcher;
  /** The person's preferences: the app's settings.json, or memory where the host keeps no file. */
  preferences: PreferencesHost;
}

type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: ServiceContext) => Output<C> | Promise<Output<C>>;

export type Handlers = { [C in Channel]: Handler<C> };

/** The handlers of every channel named `<prefix>:…`: a feature's file must cover each of its channels. */
export type FeatureHandlers<Prefix extends string> = { [C in Channel as C extends `${Prefix}:${string}` ? C : never]: Handler<C> };
