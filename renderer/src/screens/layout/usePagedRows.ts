import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, type DescribedError } from '../../errors/describe-error';

export interface Page<T> {
  total: number;
  entries: T[];
}

/** What a paged table reads: the total (null until known), one row by index, and the loaders. */
export interface PagedRows<T> {
  total: number | null;
  row(index: number): T | undefined;
  /** Make sure rows [start, end] are loaded (or loading). */
  ensure(start: number, end: number): void;
  /** Re-read rows [start, end] (new scan results) without dropping the rows shown meanwhile. */
  refresh(start: number, end: number): void;
  /** Changes whenever new rows arrived, so the visible rows re-render. */
  version: number;
  error: DescribedError | null;
}

export const PAGE_SIZE = 200;
const MAX_CACHED_PAGES = 60; // ~12,000 rows kept at most: memory stays flat on a million rows

/**
 * Rows of a store query, fetched a page at a time as the table shows them: the renderer never
 * asks for (or holds) a million rows, only the pages around what is on screen.
 * `queryKey` names the filters and sort; a new key starts over.
 */
export function usePagedRows<T>(
  queryKey: string,
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
): PagedRows<T> {
  const pages = useRef(new Map<number, T[]>());
  const inFlight = useRef(new Set<number>());
  const generation = useRef(0);
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;
  const [total, setTotal] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<DescribedError | null>(null);

  const load = useCallback((pageIndex: number) => {
    if (pages.current.has(pageIndex) || inFlight.current.has(pageIndex)) return;
    const mine = generation.current;
    inFlight.current.add(pageIndex);
    fetcher
      .current(pageIndex * PAGE_SIZE, PAGE_SIZE)
      .then((page) => {
        if (mine !== generation.current) return;
        pages.current.set(pageIndex, page.entries);
        // Forget the oldest pages (Map keeps insertion order).
        while (pages.current.size > MAX_CACHED_PAGES) pages.current.delete(pages.current.keys().next().value!);
        setTotal(page.total);
        setError(null);
        setVersion((v) => v + 1);
      })
      .catch((reason: unknown) => {
        if (mine === generation.current) setError(describeError(reason));
      })
      .finally(() => {
        if (mine === generation.current) inFlight.current.delete(pageIndex);
      });
  }, []);

  const reset = useCallback(() => {
    generation.current++;
    pages.current = new Map();
    inFlight.current = new Set();
    load(0);
  }, [load]);

  useEffect(() => {
    setTotal(null);
    reset();
  }, [queryKey, reset]);

  /** Make sure rows [start, end] are loaded (or loading). */
  const ensure = useCallback(
    (start: number, end: number) => {
      for (let p = Math.floor(Math.max(0, start) / PAGE_SIZE); p <= Math.floor(Math.max(0, end) / PAGE_SIZE); p++)
        load(p);
    },
    [load],
  );

  const row = useCallback(
    (index: number): T | undefined => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [],
  );

  /** Re-read what is on screen (new scan results) without dropping the rows shown meanwhile. */
  const refresh = useCallback((start: number, end: number) => {
    const mine = ++generation.current;
    inFlight.current = new Set();
    const wanted: number[] = [];
    for (let p = Math.floor(Math.max(0, start) / PAGE_SIZE); p <= Math.floor(Math.max(0, end) / PAGE_SIZE); p++)
      wanted.push(p);
    void Promise.all(wanted.map((p) => fetcher.current(p * PAGE_SIZE, PAGE_SIZE).then((page) => [p, page] as const)))
      .then((results) => {
        if (mine !== generation.current) return;
        pages.current = new Map(results.map(([p, page]) => [p, page.entries]));
        const last = results[results.length - 1];
        if (last) setTotal(last[1].total);
        setVersion((v) => v + 1);
      })
      .catch(() => undefined);
  }, []);

  return { total, row, ensure, refresh, version, error };
}
