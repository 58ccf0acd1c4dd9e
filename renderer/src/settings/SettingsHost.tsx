// Where Settings lives in the window: the commands that open it (Ctrl/Cmd+,) and that
// change the theme from the menu or the palette (View ▸ Theme), and the dialog while open.
import { useState } from 'react';
import type { Theme } from '../../../common/preferences';
import { useCommand } from '../app/commands';
import { savePreferences } from '../state/preferences';
import { notifyError } from '../state/toasts';
import { SettingsDialog } from './SettingsDialog';

const setTheme = (theme: Theme) => void savePreferences({ theme }).catch((error: unknown) => notifyError(error, 'The theme was not changed'));

export function SettingsHost() {
  const [open, setOpen] = useState(false);
  useCommand('app.settings', () => setOpen(true));
  useCommand('view.theme.system', () => setTheme('system'));
  useCommand('view.theme.light', () => setTheme('light'));
  useCommand('view.theme.dark', () => setTheme('dark'));
  return open ? <SettingsDialog onClose={() => setOpen(false)} /> : null;
}
