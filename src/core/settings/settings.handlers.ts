// The settings operations. The level is stored for every process that opens the database later,
// and applied to this connection at once; processes that have it open already keep their level
// until they open it again.
import type { FeatureBinding } from '../handlers.ts';
import { applyDurability, DURABILITY_PREFERENCE, storedDurability } from '../store/durability.ts';

export const settingsHandlers: FeatureBinding<'settings'> = ({ store }) => ({
  set_durability: ({ level }) => {
    const previous = store.write(() => {
      const before = storedDurability(store.db);
      store.preferences.set(DURABILITY_PREFERENCE, level);
      return before;
    });
    // outside the transaction: SQLite ignores a change of synchronous inside one
    applyDurability(store.db, level);
    const effect =
      level === 'normal'
        ? 'faster writes; a power cut may lose the last commits, a crash of Orchestron never does'
        : 'every commit is on disk before the call returns, even across a power cut';
    return {
      level,
      previous,
      message: `Durability is ${level} (was ${previous}): ${effect}. Processes that have the database open already keep their level until they restart.`,
    };
  },
});
