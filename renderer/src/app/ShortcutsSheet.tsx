// The keyboard shortcuts sheet (Help ▸ Keyboard Shortcuts, Ctrl+/ or ?): every command of
// the registry that has keys — the person's own where they chose them in Settings — by
// category, then the keys that belong to a part of the window (the editor's formatting,
// the reader's selection, lists), and what typing does in a brief. As this platform writes them.
import type { ReactNode } from 'react';
import { shortcutLabel } from '../../../common/commands';
import { FIXED_KEYS, keyedCommands, type FixedKeyPlace } from '../../../common/keymap';
import { Dialog } from '../ui/Dialog';
import { usePreferences } from '../state/preferences';
import { isMac, runCommand } from './commands';

const PLACES: FixedKeyPlace[] = ['Reader', 'Brief editor', 'Anywhere but a text field', 'Lists and dialogs', 'Window'];

/** What typing does in a brief: the editor's input rules, not keys. */
const TYPED: { typed: string; does: string }[] = [
  { typed: '# … ###### ', does: 'Heading' },
  { typed: '- or * ', does: 'Bulleted list' },
  { typed: '1. ', does: 'Numbered list' },
  { typed: '> ', does: 'Quote' },
  { typed: '--- ', does: 'Rule' },
  { typed: '**bold** *italic* ~~struck~~ `code`', does: 'Inline formats' },
  { typed: '[[', does: 'Cite an excerpt' },
  { typed: '@', does: 'Name an entity' },
  { typed: '/', does: 'Block menu' },
];

const slug = (text: string) => text.toLowerCase().replace(/[^a-z]+/g, '-');

function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <>
      {keys.map((keys, i) => (
        <span key={keys}>
          {i > 0 && <span className="shortcuts-or"> or </span>}
          <kbd>{shortcutLabel(keys, isMac)}</kbd>
        </span>
      ))}
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div role="group" className="shortcuts-section" aria-labelledby={`shortcuts-${slug(title)}`}>
      <h3 id={`shortcuts-${slug(title)}`} className="shortcuts-category">
        {title}
      </h3>
      <dl className="shortcuts-list">{children}</dl>
    </div>
  );
}

export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  const { shortcuts } = usePreferences();
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="shortcuts-sheet">
      <div className="dialog-body">
        <p className="dialog-intro">
          Every command is in the command palette (<kbd>{shortcutLabel('CmdOrCtrl+Shift+P', isMac)}</kbd>). Change a shortcut in{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              onClose();
              window.setTimeout(() => runCommand('app.settings'), 0);
            }}
          >
            Settings
          </button>
          .
        </p>
        <div className="shortcuts-columns">
          {keyedCommands(shortcuts).map(({ category, commands }) => (
            <Section key={category} title={category}>
              {commands.map(({ command, keys }) => (
                <div key={command.id} className="shortcuts-row">
                  <dt>
                    {command.title.replace(/…$/, '')}
                    {command.scope === 'editor' && <span className="shortcuts-where"> (in a brief’s text)</span>}
                  </dt>
                  <dd>
                    <Keys keys={keys} />
                  </dd>
                </div>
              ))}
            </Section>
          ))}
          {PLACES.map((place) => (
            <Section key={place} title={place}>
              {FIXED_KEYS.filter((f) => f.where === place).map((f) => (
                <div key={f.title} className="shortcuts-row">
                  <dt>{f.title}</dt>
                  <dd>
                    <Keys keys={f.keys} />
                  </dd>
                </div>
              ))}
            </Section>
          ))}
          <Section title="Typing in a brief">
            {TYPED.map((t) => (
              <div key={t.does} className="shortcuts-row">
                <dt>{t.does}</dt>
                <dd>
                  <kbd>{t.typed}</kbd>
                </dd>
              </div>
            ))}
          </Section>
        </div>
      </div>
    </Dialog>
  );
}
