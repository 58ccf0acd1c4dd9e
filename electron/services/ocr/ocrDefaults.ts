// What an import from the window is told about OCR (the command line has its flags): the
// languages chosen in Settings, or else those the workspace's sources are in — the
// commonest first, at most three, only those whose data is at hand — or else English.
import type { Db } from '../../../db/workspace';
import { commonLanguages } from '../../../db/sources';
import { MAX_OCR_LANGUAGES, TESSERACT_LANGUAGE, type OcrRequest } from '../../../common/ocr';
import type { OcrPreferences } from '../../../common/preferences';
import { availableOcrLanguages } from './languageData';

export function workspaceOcrRequest(db: Db, preferences: OcrPreferences = { languages: null, dataDir: null }): OcrRequest {
  const available = new Set(availableOcrLanguages(preferences.dataDir).map((f) => f.code));
  if (preferences.languages) return { mode: 'auto', languages: preferences.languages, dataDir: preferences.dataDir };
  const languages = commonLanguages(db)
    .map((code) => TESSERACT_LANGUAGE[code])
    .filter((l): l is string => !!l && available.has(l))
    .slice(0, MAX_OCR_LANGUAGES);
  return { mode: 'auto', languages: languages.length ? languages : ['eng'], dataDir: preferences.dataDir };
}
