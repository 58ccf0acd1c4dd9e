// The window's side of the command registry (common/commands.ts): components say what a
// command does while they are on screen (useCommand), and a command arrives either from
// the application menu (the main process sends a `sourcebook:command` page event) or
// from its shortcut pressed in the window. One list of names and shortcuts for both.
import { useEffect, useRef } from 'react';
import { COMMANDS, isCommandId, matchesShortcut, type CommandId } from '../../../common/commands';
import { notify } from '../state/toasts';

type Handler = () => void;

const handlers = new Map<CommandId, Handler[]>();

/** What a command needs before it can run, said when nothing on screen can run it. */
const UNAVAILABLE: Partial<Record<CommandId, string>> = {
  'export.pdf': 'Open a brief to export it.',
  'export.docx': 'Open a brief to export it.',
  'export.md': 'Open a brief to export it.',
  'export.html': 'Open a brief to export it.',
  'export.package': 'Open a brief to export its evidence package.',
};

/** Runs a command's most recently mounted handler; false (with a note) when none is on screen. */
export function runCommand(id: CommandId): boolean {
  const list = handlers.get(id);
  const handler = list?.[list.length - 1];
  if (!handler) {
    notify(UNAVAILABLE[id] ?? 'That command is not available here.');
    return false;
  }
  handler();
  return true;
}

/** While the calling component is mounted, `handler` carries out command `id`. */
export function useCommand(id: CommandId, handler: Handler): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const stable: Handler = () => ref.current();
    handlers.set(id, [...(handlers.get(id) ?? []), stable]);
    return () => {
      handlers.set(id, (handlers.get(id) ?? []).filter((h) => h !== stable));
    };
  }, [id]);
}

export const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/** The window's commands that have a shortcut: these keys are the window's to handle. */
const KEYED = COMMANDS.filter((c) => c.target === 'window' && 'shortcut' in c);

/** A text field or the editor: where keys edit text. */
function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range'].includes(target.type));
}

/** Listens for menu commands and shortcuts; returns the cleanup. Installed once by the app. */
export function listenForCommands(): () => void {
  const onCommand = (event: Event) => {
    const id = (event as CustomEvent<unknown>).detail;
    if (isCommandId(id)) runCommand(id);
  };
  const onKey = (event: KeyboardEvent) => {
    // A key a focused control already took (the editor's own Ctrl+K link, say) is not a command.
    if (event.defaultPrevented || event.isComposing) return;
    const command = KEYED.find((c) => matchesShortcut(c.shortcut, event, isMac));
    if (!command) return;
    if ('notInText' in command && command.notInText && isTextTarget(event.target)) return;
    event.preventDefault();
    runCommand(command.id);
  };
  window.addEventListener('sourcebook:command', onCommand);
  document.addEventListener('keydown', onKey);
  return () => {
    window.removeEventListener('sourcebook:command', onCommand);
    document.removeEventListener('keydown', onKey);
  };
}
