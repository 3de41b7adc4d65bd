import type { SortState } from '@navikt/ds-react';
import { useState } from 'react';

/**
 * Click-to-sort for a table the API answers whole (offices, providers): only the order of rows
 * the API gave changes, no figure is computed here.
 */
export function useSortedRows<T extends object>(rows: T[], initial: SortState) {
  const [sort, setSort] = useState<SortState>(initial);
  const key = sort.orderBy as keyof T;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const sorted = [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
  });
  const onSortChange = (orderBy: string) =>
    setSort({ orderBy, direction: sort.orderBy === orderBy && sort.direction === 'descending' ? 'ascending' : 'descending' });
  return { sorted, sort, onSortChange };
}
