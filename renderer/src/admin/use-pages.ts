// Pages of a keyset-paginated list (the log, the refused attempts): the first page whenever the query changes, the
// next one when the list scrolls near its end. A reply for an older query is dropped.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LogCursor } from '../../../shared/admin/admin-contract.js';
import type { Result } from '../../../shared/api/result.js';

export interface Page<T> {
  items: T[];
  nextCursor: LogCursor | null;
}

export interface Pages<T> {
  items: T[];
  /** Another page follows. */
  more: boolean;
  loading: boolean;
  error: string | null;
  loadMore: () => void;
  reload: () => void;
}

interface Loaded<T> {
  /** The query these pages answer. */
  query: object;
  items: T[];
  next: LogCursor | null;
  error: string | null;
}

/** `load` must change exactly when the query does (useCallback over the filter). */
export function usePages<T>(load: (cursor: LogCursor | null) => Promise<Result<Page<T>>>): Pages<T> {
  const [version, setVersion] = useState(0);
  // A new object per query (a new filter, or a reload): pages of another query are never shown or extended.
  const query = useMemo(() => ({ load, version }), [load, version]);
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const busy = useRef(false);

  useEffect(() => {
    let current = true;
    void query.load(null).then((result) => {
      if (!current) return;
      setLoaded(result.ok ? { query, items: result.value.items, next: result.value.nextCursor, error: null } : { query, items: [], next: null, error: result.error.code });
    });
    return () => {
      current = false;
    };
  }, [query]);

  const fresh = loaded?.query === query ? loaded : null;
  const next = fresh?.next ?? null;
  const loadMore = useCallback(() => {
    if (busy.current || next === null) return;
    busy.current = true;
    setLoadingMore(true);
    void query.load(next).then((result) => {
      busy.current = false;
      setLoadingMore(false);
      setLoaded((current) => {
        if (current?.query !== query) return current;
        return result.ok
          ? { query, items: [...current.items, ...result.value.items], next: result.value.nextCursor, error: null }
          : { ...current, error: result.error.code };
      });
    });
  }, [query, next]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return {
    items: fresh?.items ?? [],
    more: fresh === null || fresh.next !== null,
    loading: fresh === null || loadingMore,
    error: fresh?.error ?? null,
    loadMore,
    reload,
  };
}
