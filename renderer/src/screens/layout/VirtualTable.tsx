import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { t } from '../../strings';
import type { PagedRows } from './usePagedRows';

/** 30 px rows: a million rows make a 30,000,000 px scroll height, inside Chromium's limit. */
export const ROW_HEIGHT = 30;

export interface VirtualColumn<T, S extends string = string> {
  /** Names the column: its cells get the class `vt-col-<key>`. */
  key: string;
  label: string;
  /** The column's CSS grid track, such as '9.5rem' or 'minmax(0, 2fr)'. */
  width: string;
  /** The sort this column's header asks for, when it can sort. */
  sort?: S;
  cell(row: T): ReactNode;
  /** Extra classes for one cell (a colour for its value). */
  cellClass?(row: T): string;
  /** The tooltip of one cell: the full text a narrow cell cuts off. */
  title?(row: T): string | undefined;
}

export interface TableSort<S extends string> {
  key: S;
  order: 'asc' | 'desc';
  onSort(key: S): void;
}

interface Props<T, S extends string> {
  /** The table's accessible name. */
  label: string;
  columns: ReadonlyArray<VirtualColumn<T, S>>;
  rows: Pick<PagedRows<T>, 'total' | 'row' | 'ensure' | 'version'>;
  /** A loaded row's identity, as `data-row-key` (React keys stay the row positions: a refresh may shift rows between pages). */
  rowKey(row: T): string;
  /** Test ids: rows are `<rowTestId>` (or `<rowTestId>-loading`), the scroll region `<scrollTestId>`. */
  rowTestId: string;
  scrollTestId?: string;
  /** Extra attributes for a loaded row's element (data-* for tests and tools). */
  rowData?(row: T): Record<`data-${string}`, string>;
  sort?: TableSort<S>;
  /** Reports the visible range, for refreshing it while a scan runs. */
  onRange?(start: number, end: number): void;
  /** A new value (another query) scrolls back to the top. */
  resetKey?: string;
  className?: string;
  /**
   * A click anywhere on a loaded row opens it (a details panel). Keyboard users need a button in
   * one of the row's cells: its click (Enter, Space) bubbles to the row.
   */
  onRowOpen?(row: T): void;
  /** The open row's key: that row is marked `open`. */
  openKey?: string | null;
}

/**
 * A store query as an ARIA table whose rows are virtualised: only the rows on screen (plus a few)
 * exist in the DOM, whatever the total, so a million rows scroll like ten. Rows come a page at a
 * time (usePagedRows); the header stays put above the scrolling body, and the body is one
 * focusable region, so the keyboard scrolls it (arrows, Page Up/Down, Home, End).
 */
export function VirtualTable<T, S extends string = string>(props: Props<T, S>) {
  const { label, columns, rows, rowKey, rowTestId, scrollTestId, rowData, sort, onRange, resetKey, className } = props;
  const { onRowOpen, openKey } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const total = rows.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensure } = rows;

  useEffect(() => {
    if (total > 0) ensure(first, last);
    onRange?.(first, last);
  }, [first, last, total, ensure, onRange]);

  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  // One grid for the header and every row, so the columns line up.
  const grid = { '--vt-columns': columns.map((column) => column.width).join(' ') } as CSSProperties;
  return (
    <div
      className={`vtable ${className ?? ''}`}
      role="table"
      aria-label={label}
      aria-rowcount={total + 1}
      data-version={rows.version}
      style={grid}
    >
      <div role="rowgroup" className="vt-head">
        <div role="row" aria-rowindex={1} className="vt-row">
          {columns.map((column) => (
            <HeaderCell key={column.key} column={column} sort={sort} />
          ))}
        </div>
      </div>
      <div
        ref={scroller}
        className="vt-scroll"
        tabIndex={0}
        role="rowgroup"
        aria-label={t.table.keyboardHint}
        data-testid={scrollTestId}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => (
            <VirtualRow
              key={item.key}
              item={item}
              row={rows.row(item.index)}
              columns={columns}
              rowKey={rowKey}
              rowTestId={rowTestId}
              rowData={rowData}
              onRowOpen={onRowOpen}
              openKey={openKey}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

interface RowProps<T, S extends string> extends Pick<
  Props<T, S>,
  'columns' | 'rowKey' | 'rowTestId' | 'rowData' | 'onRowOpen' | 'openKey'
> {
  item: VirtualItem;
  /** The row's data, or undefined while its page loads. */
  row: T | undefined;
}

/** One row where the virtualiser puts it: its cells, or "loading" until its page arrives. */
function VirtualRow<T, S extends string>(props: RowProps<T, S>) {
  const { item, row, columns, rowKey, rowTestId, rowData, onRowOpen, openKey } = props;
  const key = row ? rowKey(row) : undefined;
  const classes = [
    'vt-row',
    item.index % 2 ? 'odd' : '',
    onRowOpen && row ? 'opens' : '',
    key && key === openKey ? 'open' : '',
  ];
  return (
    // The mouse's way in; the keyboard's is the button a cell holds (see onRowOpen).
    <div
      key={item.key}
      role="row"
      aria-rowindex={item.index + 2}
      className={classes.filter(Boolean).join(' ')}
      onClick={row && onRowOpen ? () => onRowOpen(row) : undefined}
      data-testid={row ? rowTestId : `${rowTestId}-loading`}
      data-row-key={key}
      data-index={item.index}
      {...(row && rowData?.(row))}
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: ROW_HEIGHT,
        transform: `translateY(${item.start}px)`,
      }}
    >
      {row ? (
        columns.map((column) => (
          <div
            key={column.key}
            role="cell"
            className={`vt-cell vt-col-${column.key} ${column.cellClass?.(row) ?? ''}`}
            title={column.title?.(row)}
          >
            {column.cell(row)}
          </div>
        ))
      ) : (
        <div role="cell" className="vt-cell vt-loading">
          {t.table.loadingRow}
        </div>
      )}
    </div>
  );
}

/** A column's header: a button that sorts (with aria-sort) when the column can sort. */
function HeaderCell<T, S extends string>({
  column,
  sort,
}: {
  column: VirtualColumn<T, S>;
  sort: TableSort<S> | undefined;
}) {
  const sortable = sort && column.sort !== undefined;
  const active = sortable && column.sort === sort.key;
  const ariaSort = active ? (sort.order === 'asc' ? 'ascending' : 'descending') : sortable ? 'none' : undefined;
  return (
    <div role="columnheader" className={`vt-cell vt-col-${column.key}`} aria-sort={ariaSort}>
      {sortable ? (
        <button
          type="button"
          className="sort-button"
          aria-label={t.table.sortBy(column.label)}
          onClick={() => sort.onSort(column.sort!)}
        >
          {column.label}
          <span aria-hidden="true">{active ? (sort.order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
        </button>
      ) : (
        column.label
      )}
    </div>
  );
}
