/** A latch the worker loop sleeps on: a signal given while nobody waits is kept for the next wait. */
export class Wakeup {
  private signalled = false;
  private waiter: (() => void) | null = null;

  signal(): void {
    if (this.waiter) {
      const wake = this.waiter;
      this.waiter = null;
      wake();
    } else {
      this.signalled = true;
    }
  }

  /** Resolves at the next signal (at once if one is pending), or after `timeoutMs`. */
  wait(timeoutMs?: number): Promise<void> {
    if (this.signalled) {
      this.signalled = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              if (this.waiter === done) this.waiter = null;
              resolve();
            }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiter = done;
    });
  }
}
