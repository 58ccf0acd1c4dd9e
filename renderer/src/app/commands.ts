// The window's side of the command registry (common/commands.ts): components say what a
// command does while they are on screen (useCommand), and a command arrives either from
// the application menu (the main process sends a `sourcebook:command` page event) or
// from its keys pressed in the window (common/keymap.ts: the registry's, or the person's
// own from Settings). One list of names and shortcuts for both.
import { useEffect, useRef } from 'react';
import { commandById, isCommandId, shortcutLabel, type CommandId } from '../../../common/commands';
import { commandForKey, keysOf } from '../../../common/keymap';
import { getPreferences, usePreferences } from '../state/preferences';
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
  'reader.find': 'Open a source to find in it.',
  'reader.findNext': 'Open a source and find in it (Ctrl/Cmd+F) first.',
  'reader.findPrevious': 'Open a source and find in it (Ctrl/Cmd+F) first.',
  'reader.nextExcerpt': 'Open a source to go through its excerpts.',
  'reader.previousExcerpt': 'Open a source to go through its excerpts.',
  'edit.link': 'Put the caret in a brief to add a link.',
  'brief.outline': 'Open a brief to see its outline.',
  'brief.excerpts': 'Open a brief to cite excerpts in it.',
  'brief.check': 'Open a brief to check it.',
  'brief.history': 'Open a brief to see its history.',
  'brief.backlinks': 'Open a brief to see its backlinks.',
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

/** A text field or the editor: where keys edit text. */
function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range'].includes(target.type));
}

/** The brief's text, where its editor commands apply (Ctrl+K makes a link there). */
function isEditorTarget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.editor-content') !== null;
}

/** Listens for menu commands and shortcuts; returns the cleanup. Installed once by the app. */
export function listenForCommands(): () => void {
  const onCommand = (event: Event) => {
    const id = (event as CustomEvent<unknown>).detail;
    if (isCommandId(id)) runCommand(id);
  };
  const onKey = (event: KeyboardEvent) => {
    // A key a focused control already took (the editor's find, a list's arrows) is not a command.
    if (event.defaultPrevented || event.isComposing) return;
    const command = commandForKey(event, { isMac, inEditor: isEditorTarget(event.target), inText: isTextTarget(event.target) }, getPreferences().shortcuts);
    if (!command || !isCommandId(command.id)) return;
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

/** A command's keys as this platform writes them, the person's own if they chose any; empty when it has none. */
export function useShortcutLabels(id: CommandId): string[] {
  const { shortcuts } = usePreferences();
  return keysOf(commandById(id)!, shortcuts).map((k) => shortcutLabel(k, isMac));
}
