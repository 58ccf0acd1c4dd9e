// The keyboard shortcuts sheet (Help ▸ Keyboard Shortcuts, Ctrl+/ or ?): every command of
// the registry that has a shortcut, with its other keys, by category, as this platform writes them.
import { COMMANDS, shortcutLabel, type Command } from '../../../common/commands';
import { Dialog } from '../ui/Dialog';
import { isMac } from './commands';

export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  const keyed = (COMMANDS as readonly Command[]).filter((c) => c.shortcut);
  const categories = [...new Set(keyed.map((c) => c.category))];
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="shortcuts-sheet">
      <div className="dialog-body">
        {categories.map((category) => (
          <section key={category} aria-labelledby={`shortcuts-${category}`}>
            <h3 id={`shortcuts-${category}`} className="shortcuts-category">
              {category}
            </h3>
            <dl className="shortcuts-list">
              {keyed
                .filter((c) => c.category === category)
                .map((c) => (
                  <div key={c.id} className="shortcuts-row">
                    <dt>{c.title.replace(/…$/, '')}</dt>
                    <dd>
                      {[c.shortcut!, ...(c.aliases ?? [])].map((keys, i) => (
                        <span key={keys}>
                          {i > 0 && <span className="shortcuts-or"> or </span>}
                          <kbd>{shortcutLabel(keys, isMac)}</kbd>
                        </span>
                      ))}
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
