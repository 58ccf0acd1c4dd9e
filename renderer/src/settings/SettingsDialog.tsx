// Settings (Ctrl/Cmd+,; Edit ▸ Settings…, the palette): the theme, the reader's and the
// editor's typeface and size, how dates read, what an export starts from, where and how
// often backups are made, and the shortcuts. Each change is saved as it is made
// (settings:set, into the app's settings.json) and shows at once; the host's refusal (a
// backups folder that does not exist) is said beside the field.
import { useEffect, useId, useState, type ReactNode } from 'react';
import {
  BACKUP_CADENCE_LABELS,
  BACKUP_CADENCES,
  DATE_STYLES,
  FONT_FAMILIES,
  FONT_LABELS,
  FONT_SIZE_MAX,
  FONT_SIZE_MIN,
  MAX_BANNER_LENGTH,
  PAPER_SIZES,
  THEME_LABELS,
  THEMES,
  type BackupCadence,
  type PreferencesPatch,
  type TextStyle,
} from '../../../common/preferences';
import { Dialog } from '../ui/Dialog';
import { formatDate, formatDateTime } from '../ui/format';
import { savePreferences, useBackupsHome, useOcrLanguages, usePreferences } from '../state/preferences';
import { ShortcutsSettings } from './ShortcutsSettings';
import './settings.css';

type Status = { kind: 'saved' | 'error'; message: string } | null;

/** Saves a change and says how it went, in the live status line (and beside the field that failed). */
function useSaver() {
  const [status, setStatus] = useState<Status>(null);
  const save = async (patch: PreferencesPatch, what: string): Promise<boolean> => {
    try {
      await savePreferences(patch);
      setStatus({ kind: 'saved', message: `${what} saved.` });
      return true;
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      return false;
    }
  };
  return { status, save };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <div role="group" className="settings-section" aria-labelledby={`settings-${id}`}>
      <h3 id={`settings-${id}`} className="settings-heading">
        {title}
      </h3>
      {children}
    </div>
  );
}

function TextStyleFields({ label, value, onChange }: { label: string; value: TextStyle; onChange(next: TextStyle): void }) {
  const id = useId();
  const [size, setSize] = useState(String(value.size));
  useEffect(() => setSize(String(value.size)), [value.size]);
  const commitSize = () => {
    const n = Math.round(Number(size));
    if (!Number.isFinite(n) || n < FONT_SIZE_MIN || n > FONT_SIZE_MAX) return setSize(String(value.size));
    if (n !== value.size) onChange({ ...value, size: n });
  };
  return (
    <fieldset className="settings-row">
      <legend className="settings-label">{label}</legend>
      <label className="field settings-font">
        <span className="field-label">Typeface</span>
        <select value={value.font} onChange={(e) => onChange({ ...value, font: e.target.value as TextStyle['font'] })}>
          {FONT_FAMILIES.map((f) => (
            <option key={f} value={f}>
              {FONT_LABELS[f]}
            </option>
          ))}
        </select>
      </label>
      <label className="field settings-size" htmlFor={`${id}-size`}>
        <span className="field-label">Size (px)</span>
        <input
          id={`${id}-size`}
          type="number"
          inputMode="numeric"
          min={FONT_SIZE_MIN}
          max={FONT_SIZE_MAX}
          step={1}
          value={size}
          onChange={(e) => setSize(e.target.value)}
          onBlur={commitSize}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commitSize();
            }
          }}
        />
      </label>
    </fieldset>
  );
}

/** OCR of scans and images imported from the window: the languages tried, and a folder of more languages. */
function OcrSection() {
  const { ocr } = usePreferences();
  const available = useOcrLanguages();
  const [languages, setLanguages] = useState((ocr.languages ?? []).join('+'));
  const [folder, setFolder] = useState(ocr.dataDir ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const save = async (next: typeof ocr, what: string) => {
    try {
      await savePreferences({ ocr: next });
      setProblem(null);
      setSaved(`${what} saved.`);
    } catch (error) {
      setSaved(null);
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  const saveLanguages = () => {
    const codes = languages.split(/[+,\s]+/).filter(Boolean);
    const next = codes.length ? codes : null;
    if (JSON.stringify(next) !== JSON.stringify(ocr.languages)) void save({ ...ocr, languages: next }, 'The OCR languages');
  };
  return (
    <Section id="ocr" title="OCR (scans and images)">
      <p className="settings-hint">
        Scanned PDF pages without a text layer (or with a garbled one) and imported images are read by OCR, offline. Languages at hand: <strong>{available.join(', ') || '…'}</strong>.
      </p>
      <label className="field">
        <span className="field-label">Languages tried together (at most 3, as eng+spa; empty: those of the workspace’s sources)</span>
        <input
          type="text"
          value={languages}
          placeholder="From the workspace’s sources"
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'settings-ocr-error' : undefined}
          onChange={(e) => setLanguages(e.target.value)}
          onBlur={saveLanguages}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              saveLanguages();
            }
          }}
        />
      </label>
      <form
        className="settings-folder"
        onSubmit={(e) => {
          e.preventDefault();
          void save({ ...ocr, dataDir: folder.trim() || null }, 'The OCR data folder');
        }}
      >
        <label className="field">
          <span className="field-label">Folder of more OCR languages (.traineddata files; Debian: /usr/share/tesseract-ocr/5/tessdata)</span>
          <input type="text" value={folder} placeholder="None: English and Spanish only" onChange={(e) => setFolder(e.target.value)} />
        </label>
        <div className="settings-folder-actions">
          <button type="submit" className="button" disabled={(folder.trim() || null) === ocr.dataDir}>
            Use This Folder
          </button>
        </div>
      </form>
      {problem && (
        <p id="settings-ocr-error" className="settings-error" role="alert">
          {problem}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {saved ?? ''}
      </p>
    </Section>
  );
}

export function SettingsDialog({ onClose }: { onClose(): void }) {
  const preferences = usePreferences();
  const backups = useBackupsHome();
  const { status, save } = useSaver();
  const [banner, setBanner] = useState(preferences.export.banner);
  const [folder, setFolder] = useState(preferences.backups.folder ?? '');
  const [folderError, setFolderError] = useState<string | null>(null);
  const exportDefaults = preferences.export;
  const now = new Date().toISOString();

  const saveBanner = () => {
    if (banner.trim() !== exportDefaults.banner) void save({ export: { ...exportDefaults, banner: banner.trim() } }, 'The default banner');
  };
  const saveFolder = async (value: string | null) => {
    setFolderError(null);
    const ok = await save({ backups: { ...preferences.backups, folder: value } }, 'The backups folder');
    if (!ok) setFolderError('refused');
    else setFolder(value ?? '');
  };

  return (
    <Dialog title="Settings" onClose={onClose} className="settings-dialog">
      <div className="dialog-body settings-body">
        <Section id="appearance" title="Appearance">
          <fieldset className="settings-row">
            <legend className="settings-label">Theme</legend>
            <div className="settings-choices">
              {THEMES.map((t) => (
                <label key={t} className="settings-choice">
                  <input type="radio" name="theme" value={t} checked={preferences.theme === t} onChange={() => void save({ theme: t }, 'The theme')} />
                  {THEME_LABELS[t]}
                </label>
              ))}
            </div>
          </fieldset>
          <TextStyleFields label="Reader text" value={preferences.reader} onChange={(reader) => void save({ reader }, 'The reader’s text')} />
          <TextStyleFields label="Brief editor text" value={preferences.editor} onChange={(editor) => void save({ editor }, 'The editor’s text')} />
        </Section>

        <Section id="dates" title="Dates">
          <label className="field">
            <span className="field-label">Language of dates</span>
            <select value={preferences.dates} onChange={(e) => void save({ dates: e.target.value }, 'The language of dates')}>
              {DATE_STYLES.map((d) => (
                <option key={d.value} value={d.value}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
          <p className="settings-hint">
            Dates everywhere read like this: <strong>{formatDate(now.slice(0, 10))}</strong>, and with the time, <strong>{formatDateTime(now)}</strong>.
          </p>
        </Section>

        <Section id="export" title="Export">
          <p className="settings-hint">What a new export starts from; the export menu can change them for one export.</p>
          <label className="field">
            <span className="field-label">Banner (printed above the title and on every PDF page)</span>
            <input
              type="text"
              maxLength={MAX_BANNER_LENGTH}
              placeholder="None, e.g. UNCLASSIFIED // FOR OFFICIAL USE ONLY"
              value={banner}
              onChange={(e) => setBanner(e.target.value)}
              onBlur={saveBanner}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  saveBanner();
                }
              }}
            />
          </label>
          <label className="settings-check">
            <input type="checkbox" checked={exportDefaults.strict} onChange={(e) => void save({ export: { ...exportDefaults, strict: e.target.checked } }, 'Strict export')} />
            Strict: refuse to export while a citation is not ok
          </label>
          <fieldset className="settings-row">
            <legend className="settings-label">Paper size (PDF and Word)</legend>
            <div className="settings-choices">
              {PAPER_SIZES.map((p) => (
                <label key={p} className="settings-choice">
                  <input type="radio" name="paper" value={p} checked={exportDefaults.paper === p} onChange={() => void save({ export: { ...exportDefaults, paper: p } }, 'The paper size')} />
                  {p}
                </label>
              ))}
            </div>
          </fieldset>
        </Section>

        <Section id="backups" title="Backups">
          <label className="field">
            <span className="field-label">Automatic backups while the workspace is open</span>
            <select value={preferences.backups.everyMinutes} onChange={(e) => void save({ backups: { ...preferences.backups, everyMinutes: Number(e.target.value) as BackupCadence } }, 'How often backups are made')}>
              {BACKUP_CADENCES.map((m) => (
                <option key={m} value={m}>
                  {BACKUP_CADENCE_LABELS[m]}
                </option>
              ))}
            </select>
          </label>
          <p className="settings-hint">Whatever this says, a backup is always made when the workspace closes after changes, and before a migration, a merge, a restore or emptying the Trash.</p>
          <form
            className="settings-folder"
            onSubmit={(e) => {
              e.preventDefault();
              void saveFolder(folder.trim() || null);
            }}
          >
            <label className="field">
              <span className="field-label">Backups folder (a full path; each workspace gets its own “… backups” folder in it)</span>
              <input
                type="text"
                value={folder}
                placeholder="Beside each workspace"
                aria-invalid={folderError !== null}
                aria-describedby={folderError && status?.kind === 'error' ? 'settings-folder-error' : 'settings-folder-now'}
                onChange={(e) => {
                  setFolder(e.target.value);
                  setFolderError(null);
                }}
              />
            </label>
            <div className="settings-folder-actions">
              <button type="submit" className="button" disabled={(folder.trim() || null) === preferences.backups.folder}>
                Use This Folder
              </button>
              {preferences.backups.folder && (
                <button type="button" className="button" onClick={() => void saveFolder(null)}>
                  Beside the Workspace
                </button>
              )}
            </div>
            {folderError && status?.kind === 'error' && (
              <p id="settings-folder-error" className="settings-error" role="alert">
                {status.message}
              </p>
            )}
            {backups && (
              <p id="settings-folder-now" className="settings-hint">
                {backups.chosenBy === 'environment' ? (
                  <>
                    This run’s SOURCEBOOK_BACKUPS puts them in <code>{backups.home}</code>, whatever is chosen here.
                  </>
                ) : (
                  <>
                    This workspace’s backups go into <code>{backups.home}</code>. Backups made before a change stay where they were made.
                  </>
                )}
              </p>
            )}
          </form>
        </Section>

        <OcrSection />

        <Section id="shortcuts" title="Keyboard shortcuts">
          <ShortcutsSettings />
        </Section>
      </div>
      <p className={`settings-status${status?.kind === 'error' ? ' is-error' : ''}`} role="status" aria-live="polite">
        {status?.message ?? ''}
      </p>
    </Dialog>
  );
}
