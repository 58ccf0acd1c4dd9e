// Provenance check: every stored version's text and original bytes hashed again and
// compared with the hashes recorded when they were stored, so a changed byte — a disk
// error, a tool editing the file behind Sourcebook's back — is found and named.
import type { Db } from '../../db/workspace';
import { bytesHash, contentHash, storedVersions } from '../../db/sources';
import type { VerifyReport } from './views';

export function verifyWorkspace(db: Db): VerifyReport {
  const report: VerifyReport = { sources: 0, versions: 0, mismatches: [] };
  const sources = new Set<string>();
  for (const v of storedVersions(db)) {
    sources.add(v.sourceId);
    report.versions++;
    const text = contentHash(v.text);
    if (text !== v.contentHash) report.mismatches.push({ sourceId: v.sourceId, version: v.version, what: 'text', expected: v.contentHash, actual: text });
    if (v.original && v.originalHash) {
      const original = bytesHash(v.original)!;
      if (original !== v.originalHash) report.mismatches.push({ sourceId: v.sourceId, version: v.version, what: 'original', expected: v.originalHash, actual: original });
    }
  }
  report.sources = sources.size;
  return report;
}
