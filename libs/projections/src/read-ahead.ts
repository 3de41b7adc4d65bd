/**
 * Asks for the next item as soon as the current one is handed out, so reading batch N+1 from
 * the store overlaps with folding and committing batch N.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const result = await next;
      if (result.done) return;
      next = iterator.next();
      // A read ahead that fails while the caller is still busy with this item is rethrown by the
      // `await` above on the next round; until then it must not count as an unhandled rejection.
      next.catch(() => undefined);
      yield result.value;
    }
  } finally {
    // Not awaited: a live read only ends when the caller closes the source, after this returns.
    next.catch(() => undefined);
    void iterator.return?.()?.catch(() => undefined);
  }
}
