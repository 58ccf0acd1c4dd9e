// Quick Open (Ctrl/Cmd+O): anything of the workspace by its name.
import { findByName } from '../../services/search';
import type { FeatureHandlers } from './types';

export const quickOpenHandlers: FeatureHandlers<'quickOpen'> = {
  'quickOpen:find': ({ query }, { db }) => findByName(db, query),
};
