import { useCallback, useState } from 'react';
import type { SortKey } from './FindingsTable';

/** The findings' sort: by access level at first; a column's heading sorts by it, again reverses it. */
export function useFindingsSort() {
  const [sort, setSort] = useState<SortKey>('accessLevel');
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const onSort = useCallback(
    (key: SortKey) => {
      if (key === sort) setOrder((o) => (o === 'asc' ? 'desc' : 'asc'));
      else {
        setSort(key);
        setOrder('asc');
      }
    },
    [sort],
  );
  return { sort, order, onSort };
}
