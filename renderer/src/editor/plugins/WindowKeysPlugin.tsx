// The window's commands on Enter with a modifier (Focus Mode is Ctrl/Cmd+Shift+Enter):
// Lexical takes every Enter in the text for a new paragraph or a line break and marks
// the key as used, so the window's own listener would never see it. A modified Enter that
// is a window command runs that command instead of breaking the line.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_CRITICAL, KEY_ENTER_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { commandForKey } from '../../../../common/keymap';
import { isCommandId } from '../../../../common/commands';
import { isMac, runCommand } from '../../app/commands';
import { getPreferences } from '../../state/preferences';

export function WindowKeysPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_ENTER_COMMAND,
        (event) => {
          if (!event || !(event.ctrlKey || event.metaKey || event.altKey)) return false;
          const command = commandForKey(event, { isMac, inEditor: true, inText: true }, getPreferences().shortcuts);
          if (!command || !isCommandId(command.id)) return false;
          event.preventDefault();
          runCommand(command.id);
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    [editor],
  );
  return null;
}
