// Reports every change of the document (not mere selection moves) so the brief can be
// saved; the debounce and the save itself live with the brief (briefs/useBriefSaver).
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { EditorState } from 'lexical';
import { useEffect } from 'react';

export function AutosavePlugin({ onChange }: { onChange(state: EditorState): void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, prevEditorState, dirtyElements, dirtyLeaves }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        // Loading the brief is not a change. (The saver also skips a document equal to
        // the last one saved, so a spurious report costs nothing.)
        if (prevEditorState.isEmpty()) return;
        onChange(editorState);
      }),
    [editor, onChange],
  );
  return null;
}
