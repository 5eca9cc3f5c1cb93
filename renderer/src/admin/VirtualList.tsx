// A long list drawn a screenful at a time (@tanstack/react-virtual): the log may hold a million entries, and an
// old kiosk PC must scroll it smoothly. Rows may differ in height (a withdrawn entry shows its correction); each is
// measured once drawn. Asks for the next page when the end comes near.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';

interface Props<T> {
  items: readonly T[];
  more: boolean;
  loadMore: () => void;
  estimate: number;
  rowKey: (item: T) => string;
  renderRow: (item: T) => ReactNode;
  footer: ReactNode;
  testId: string;
}

/** Start loading the next page this many rows before the end. */
const AHEAD = 15;

export function VirtualList<T>({ items, more, loadMore, estimate, rowKey, renderRow, footer, testId }: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  // This project does not build with the React Compiler, whose memoisation the virtualizer's changing functions would
  // defeat: the rule's warning does not apply, and the component re-renders as the virtualizer asks.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length + 1,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimate,
    overscan: 8,
    getItemKey: (index) => (index < items.length ? rowKey(items[index] as T) : '__footer'),
  });
  const rows = virtualizer.getVirtualItems();
  const last = rows[rows.length - 1]?.index ?? 0;

  useEffect(() => {
    if (more && last >= items.length - AHEAD) loadMore();
  }, [last, items.length, more, loadMore]);

  return (
    <div ref={scroller} className="admin-scroller" data-testid={testId}>
      <div className="admin-virtual" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            className="admin-virtual-row"
            style={{ transform: `translateY(${row.start}px)` }}
          >
            {row.index < items.length ? renderRow(items[row.index] as T) : footer}
          </div>
        ))}
      </div>
    </div>
  );
}
