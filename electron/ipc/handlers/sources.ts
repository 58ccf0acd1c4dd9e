// The workspace, its sources (import, metadata, grading, versions) and publishers.
// Part of the handler map (electron/ipc/handlers.ts): channel → service call, the input
// already validated by the router.
import { workspaceInfo } from '../../services/session';
import { verifyWorkspace } from '../../services/verify';
import { mergeWorkspaceBytes, packageSourcesBytes } from '../../services/merge';
import { gradePublisher, listPublishers, listSources, pageSources, removeSource, removeSources, requireSource, sourceVersions, tagSourcesMany, updateSource, whereSourceIsCited } from '../../services/sources';
import { gradeSource, gradeSources } from '../../services/grading';
import { replaceSourceTextSafely } from '../../services/versions';
import { appImportProgress, cancelAppImports, importUploadsTracked } from '../../services/importer';
import type { FeatureHandlers } from './types';
import { workspaceOcrRequest } from '../../services/ocr/ocrDefaults';

export const sourcesHandlers: FeatureHandlers<'workspace' | 'sources' | 'publishers'> = {
  'workspace:info': (_, { db, workspacePath }) => workspaceInfo(db, workspacePath),
  'workspace:verify': (_, { db }) => verifyWorkspace(db),
  'workspace:merge': ({ file }, { db, workspacePath }) => mergeWorkspaceBytes(db, workspacePath, file.name, Buffer.from(file.data, 'base64')),
  'sources:list': (_, { db }) => listSources(db),
  'sources:page': (request, { db }) => pageSources(db, request),
  'sources:get': ({ id }, { db }) => requireSource(db, id),
  // Scans and images are read by OCR (auto: only pages without a good text layer), in the
  // languages Settings names, or those of the workspace's sources (ocr/ocrDefaults.ts).
  'sources:import': ({ files }, { db, workspacePath, preferences }) => importUploadsTracked(db, workspacePath, files, workspaceOcrRequest(db, preferences.get().ocr)),
  'sources:importProgress': (_, { workspacePath }) => appImportProgress(workspacePath),
  'sources:importCancel': (_, { workspacePath }) => cancelAppImports(workspacePath),
  'sources:update': ({ id, ...patch }, { db }) => updateSource(db, id, patch),
  'sources:delete': ({ id }, { db }) => ({ deleted: removeSource(db, id) }),
  'sources:grade': ({ id, reliability }, { db }) => gradeSource(db, id, reliability),
  'sources:gradeMany': ({ ids, reliability }, { db }) => gradeSources(db, ids, reliability),
  'sources:deleteMany': ({ ids }, { db }) => ({ deleted: removeSources(db, ids) }),
  'sources:tagMany': ({ ids, add, remove }, { db }) => tagSourcesMany(db, ids, add, remove),
  'sources:package': ({ ids }, { db }) => {
    const { data, fileName } = packageSourcesBytes(db, ids);
    return { packageBase64: data.toString('base64'), fileName };
  },
  'sources:versions': ({ id }, { db }) => sourceVersions(db, id),
  'sources:citedIn': ({ id }, { db }) => whereSourceIsCited(db, id),
  'sources:replace': ({ id, file }, { db, workspacePath, preferences }) => {
    const bytes = Buffer.from(file.data, 'base64');
    // Read as an import is: Settings' OCR languages, else those of the workspace's sources.
    return replaceSourceTextSafely(db, workspacePath, id, { path: file.name, name: file.name, size: bytes.length, read: () => bytes }, { ocr: workspaceOcrRequest(db, preferences.get().ocr) });
  },
  'publishers:list': (_, { db }) => listPublishers(db),
  'publishers:grade': ({ name, reliability }, { db }) => gradePublisher(db, name, reliability),
};
