// The shapes the entity and analysis views show, taken (as types only) from the contract.
import type { Output } from '../../../electron/ipc/contract';

export type EntityPageData = Output<'entities:page'>;
export type SourceMention = Output<'mentions:source'>[number];
export type Suggestion = Output<'suggestions:list'>[number];
export type JobStatus = Output<'jobs:status'>[number];
export type GraphData = Output<'analysis:graph'>;
export type GraphNode = GraphData['nodes'][number];
export type GraphEdge = GraphData['edges'][number];
export type PairEvidence = Output<'analysis:evidence'>;
export type ParagraphEvidence = PairEvidence['paragraphs'][number];
