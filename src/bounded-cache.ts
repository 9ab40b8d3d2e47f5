/**
 * Stores `value` under `key`, first emptying `cache` when it already holds `limit` entries.
 * The caches of answers per name (logger names, key names, message templates) stay small in
 * practice; the bound keeps a stream of generated names (ids used as keys) from growing one
 * without limit, and starting over costs less than tracking which entry is oldest.
 */
export function rememberBounded<K, V>(cache: Map<K, V>, limit: number, key: K, value: V): void {
  if (cache.size >= limit) {
    cache.clear();
  }
  cache.set(key, value);
}
