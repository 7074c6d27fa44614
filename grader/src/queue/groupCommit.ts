/**
 * Writes items in batches without waiting to fill one: the first item is written at once (after the current tick,
 * so items finishing together share a write), and items that arrive while a write is under way go in the next.
 * Under load the batches grow by themselves; when idle nothing waits (unless `delayMs` says to).
 */
export class GroupCommit<T> {
  private queued: Array<{ item: T; resolve: () => void; reject: (error: unknown) => void }> = [];
  private writing: Promise<void> | null = null;

  /**
   * `delayMs` holds each batch open that long before writing it: for bookkeeping nobody waits on (completing pg-boss
   * jobs), so that one statement serves many items even under light load.
   */
  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly options: { maxBatch?: number; delayMs?: number } = {},
  ) {}

  /** Resolves once the item is written; rejects with the write's error. */
  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queued.push({ item, resolve, reject });
      this.writing ??= this.drain();
    });
  }

  /** Resolves when everything added so far is written (or failed). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    const delayMs = this.options.delayMs ?? 0;
    await new Promise((resolve) => (delayMs > 0 ? setTimeout(resolve, delayMs) : setImmediate(resolve)));
    while (this.queued.length > 0) {
      const batch = this.queued.splice(0, this.options.maxBatch ?? 256);
      try {
        await this.write(batch.map((entry) => entry.item));
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.writing = null;
  }
}
