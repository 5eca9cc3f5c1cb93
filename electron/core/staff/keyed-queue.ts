// Runs tasks one after another per key, each starting when the one before it has settled (whatever its outcome);
// tasks under different keys run side by side. Why: a PIN check waits for the hash off the core's thread, and two
// checks of one account must not both read "not locked" and both go on guessing.
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    // The map forgets a key once its last task has settled, so it holds only what is waiting.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** How many keys have a task running or waiting (tests). */
  get busyKeys(): number {
    return this.tails.size;
  }
}
