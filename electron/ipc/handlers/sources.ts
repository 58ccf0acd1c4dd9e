// The workspace, its sources (import, metadata, grading, versions) and publishers.
// Part of the handler map (electron/ipc/handlers.ts): channel → service call, the input
// already validated by the router.
import { workspaceCounts } from '../../../db/workspace';
import { deleteSource, getSource, getSourceSummary, listSources, listVersions, updateSourceMeta } from '../../../db/sources';
import { listPublishers, setPublisherReliability, getPublisherReliability } from '../../../db/publishers';
import { gradeSource } from '../../services/grading';
import { replaceSourceText } from '../../services/versions';
import { sourceCitedIn } from '../../../db/briefs';
import { importUploads } from '../../services/importer';
import { found } from './found';
import type { FeatureHandlers } from './types';

export const sourcesHandlers: FeatureHandlers<'workspace' | 'sources' | 'publishers'> = {
  'workspace:info': (_, { db, workspacePath }) => {
    const { sources, excerpts, briefs } = workspaceCounts(db);
    return { path: workspacePath, sources, excerpts, briefs };
  },
  'sources:list': (_, { db }) => listSources(db),
  'sources:get': ({ id }, { db }) => found(getSource(db, id), 'source', id),
  'sources:import': ({ files }, { db }) => importUploads(db, files),
  'sources:update': ({ id, ...patch }, { db }) => {
    found(getSourceSummary(db, id), 'source', id);
    updateSourceMeta(db, id, patch);
    return getSourceSummary(db, id)!;
  },
  'sources:delete': ({ id }, { db }) => ({ deleted: deleteSource(db, id) }),
  'sources:grade': ({ id, reliability }, { db }) => gradeSource(db, id, reliability),
  'sources:versions': ({ id }, { db }) => {
    found(getSourceSummary(db, id), 'source', id);
    return listVersions(db, id);
  },
  'sources:citedIn': ({ id }, { db }) => {
    found(getSourceSummary(db, id), 'source', id);
    return sourceCitedIn(db, id);
  },
  'sources:replace': ({ id, file }, { db }) => {
    const bytes = Buffer.from(file.data, 'base64');
    return replaceSourceText(db, id, { path: file.name, name: file.name, size: bytes.length, read: () => bytes });
  },
  'publishers:list': (_, { db }) => listPublishers(db),
  'publishers:grade': ({ name, reliability }, { db }) => {
    setPublisherReliability(db, name, reliability);
    return { name, reliability: getPublisherReliability(db, name) };
  },
};
