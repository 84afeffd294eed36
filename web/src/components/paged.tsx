/**
 * Lists paged by keyset: the server returns nextCursor; going back pops the cursor stack. The
 * search text goes to the server (name, booking number, TCN, SID, FIN), never filtered locally.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { Page } from '../../../src/server/contract/common.ts';

export interface Paged<T, P extends Page<T> = Page<T>> {
  page: P | null;
  error: unknown;
  loading: boolean;
  pageNumber: number;
  next(): void;
  prev(): void;
  reload(): void;
}

/** Loads pages from `fetchPage(cursor)`; starts over whenever `key` changes (new search, new filter). */
export function usePaged<T, P extends Page<T> = Page<T>>(fetchPage: (cursor: string | undefined) => Promise<P>, key: string): Paged<T, P> {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<P | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  useEffect(() => setCursors([undefined]), [key]);

  const cursor = cursors[cursors.length - 1];
  useEffect(() => {
    let live = true;
    setLoading(true);
    fetchRef
      .current(cursor)
      .then((p) => {
        if (!live) return;
        setPage(p);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [cursor, key, tick]);

  return {
    page,
    error,
    loading,
    pageNumber: cursors.length,
    next: () => page?.nextCursor && setCursors((c) => [...c, page.nextCursor!]),
    prev: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    reload: useCallback(() => setTick((t) => t + 1), []),
  };
}

export function Pager<T, P extends Page<T>>({ paged, label }: { paged: Paged<T, P>; label: string }) {
  const hasNext = Boolean(paged.page?.nextCursor);
  if (paged.pageNumber === 1 && !hasNext) return null;
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <button type="button" onClick={paged.prev} disabled={paged.pageNumber === 1 || paged.loading}>
        ← Previous
      </button>
      <span aria-live="polite">Page {paged.pageNumber}</span>
      <button type="button" onClick={paged.next} disabled={!hasNext || paged.loading}>
        Next →
      </button>
    </nav>
  );
}

export function SearchBox({ value, onSearch, placeholder, label }: { value: string; onSearch(q: string): void; placeholder: string; label: string }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form className="search" role="search" onSubmit={submit}>
      <label htmlFor="search-input" className="visually-hidden">
        {label}
      </label>
      <input id="search-input" type="search" value={text} placeholder={placeholder} onChange={(e) => setText(e.target.value)} />
      <button type="submit">Search</button>
      {value && (
        <button type="button" className="link-button" onClick={() => onSearch('')}>
          Clear
        </button>
      )}
    </form>
  );
}
