import type { Migration } from './migration';

// A token that changes whenever an entity's name or an alias is added, changed or
// removed, in whichever process: the mention matcher built from all the names is
// reused for as long as the token is the same, instead of reading every name again for
// each imported file. Random rather than counted: a rolled-back change restores the old
// token, and a counter would then hand out the rolled-back number again for a different
// set of names.
export const migration009: Migration = {
  version: 9,
  name: 'name registry token',
  up: `
CREATE TABLE name_registry (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  token INTEGER NOT NULL
);
INSERT INTO name_registry (id, token) VALUES (1, random());
CREATE TRIGGER entities_names_insert AFTER INSERT ON entities BEGIN UPDATE name_registry SET token = random(); END;
CREATE TRIGGER entities_names_update AFTER UPDATE OF id, name ON entities BEGIN UPDATE name_registry SET token = random(); END;
CREATE TRIGGER entities_names_delete AFTER DELETE ON entities BEGIN UPDATE name_registry SET token = random(); END;
CREATE TRIGGER entity_aliases_insert AFTER INSERT ON entity_aliases BEGIN UPDATE name_registry SET token = random(); END;
CREATE TRIGGER entity_aliases_update AFTER UPDATE ON entity_aliases BEGIN UPDATE name_registry SET token = random(); END;
CREATE TRIGGER entity_aliases_delete AFTER DELETE ON entity_aliases BEGIN UPDATE name_registry SET token = random(); END;`,
};
