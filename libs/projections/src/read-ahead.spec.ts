import { readAhead } from './read-ahead.js';

describe('read ahead', () => {
  it('hands a failure of the read ahead to the caller at its next step, not as an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    async function* source() {
      yield 1;
      throw new Error('read failed');
    }
    const seen: number[] = [];
    const consumed = (async () => {
      for await (const item of readAhead(source())) {
        seen.push(item);
        // Busy with the item (a commit, say) while the read ahead fails.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await expect(consumed).rejects.toThrow('read failed');
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.off('unhandledRejection', onUnhandled);
    expect(seen).toEqual([1]);
    expect(unhandled).toEqual([]);
  });
});
