// Domain types the renderer shows, taken (as types only) from the workspace layer, and
// the glossary's labels and rules from common/.
import type { Output } from '../../electron/ipc/contract';

export type {
  Brief,
  BriefSummary,
  Entity,
  EntityRef,
  EntityType,
  ExcerptView,
  Reliability,
  AnchorState,
  PageSpan,
  Source,
  SourceSummary,
  SourceVersion,
} from '../../db/domain';
export type { SearchResult, QuickOpenItem } from '../../db/domain';
export type { ImportReport } from '../../electron/ipc/contract';
export type { SerializedCitation } from '../../db/brief/document';
export type ReplaceReport = Output<'sources:replace'>;
/** A row of the library as sources:page gives it: a source with its count of mentions. */
export type LibraryRow = Output<'sources:page'>['rows'][number];
export type Publisher = Output<'publishers:list'>[number];
export type TrashItem = Output<'trash:list'>[number];
export type BackupView = Output<'backups:list'>[number];

// The glossary's labels and the page and grade rules: common/, shared with the store and the exporters.
export {
  ANCHOR_STATE_LABELS,
  CREDIBILITY,
  CREDIBILITY_LABELS,
  CREDIBILITY_MEANINGS,
  ENTITY_TYPE_LABELS,
  ENTITY_TYPES,
  RELIABILITY,
  RELIABILITY_LABELS,
  RELIABILITY_MEANINGS,
  gradeLabel,
  type Credibility,
} from '../../common/glossary';
export { pageAt } from '../../common/pages';
