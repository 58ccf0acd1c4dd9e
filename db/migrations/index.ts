import { migration001 } from './001_initial';
import { migration002 } from './002_settings';
import { migration003 } from './003_versions_pages_grading';
import { migration004 } from './004_entities';
import { migration005 } from './005_brief_history';
import { migration006 } from './006_brief_author';
import { migration007 } from './007_recognition_cache';
import { migration008 } from './008_source_lookup';
import { migration009 } from './009_name_registry_token';
import { migration010 } from './010_brief_entity_mentions';
import { migration011 } from './011_trash';
import { migration012 } from './012_entity_reviews';
import { migration013 } from './013_pending_scans';
import { migration014 } from './014_original_hash';
import { migration015 } from './015_one_copy_of_the_text';
import { migration016 } from './016_library_order';
import { migration017 } from './017_count_excerpts_without_a_source_trigger';
import { migration018 } from './018_languages_and_scripts';
import { migration019 } from './019_saved_searches';
import { migration020 } from './020_ocr_pages';
import { migration021 } from './021_source_tags';
import type { Migration } from './migration';

/** Append-only: add a new numbered file, never edit a shipped one. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013, migration014, migration015, migration016, migration017, migration018, migration019, migration020, migration021];

export const latestVersion = migrations[migrations.length - 1].version;
