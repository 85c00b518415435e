/**
 * A small cache of promises with a time to live, for documents the verifier fetches (status
 * and revocation lists, JSON Schemas). Concurrent callers share one load; a result that
 * `keep` refuses (a failure) is dropped so that the next verification tries again.
 */
export interface TtlCache<V> {
  get(key: string, load: () => Promise<V>): Promise<V>;
}

export const createTtlCache = <V>(
  ttlMs: number,
  now: () => number,
  keep: (value: V) => boolean,
  maxEntries = 500,
): TtlCache<V> => {
  const entries = new Map<string, { expires: number; value: Promise<V> }>();
  return {
    get: (key, load) => {
      const time = now();
      const hit = entries.get(key);
      if (hit !== undefined && hit.expires > time) return hit.value;
      entries.delete(key);
      const value = load();
      if (ttlMs <= 0) return value;
      const entry = { expires: time + ttlMs, value };
      entries.set(key, entry);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
      void value.then(
        (loaded) => {
          if (!keep(loaded) && entries.get(key) === entry) entries.delete(key);
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return value;
    },
  };
};
