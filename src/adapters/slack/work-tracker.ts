/** Work started after Slack was acknowledged; shutdown waits for it so no reply is cut off. */
export class WorkTracker {
  private readonly running = new Set<Promise<void>>();

  /** Starts the work detached; its failures are the caller's to report inside `work`, this only logs leaks. */
  run(work: () => Promise<void>, onUnexpected: (error: unknown) => void): void {
    const task = work()
      .catch(onUnexpected)
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  /** Runs `work` counted as in flight, and hands its result (or failure) to the caller. */
  track<T>(work: () => Promise<T>): Promise<T> {
    const task = work();
    const settled = task.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    void settled.finally(() => this.running.delete(settled));
    return task;
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves when everything started so far (and anything it started) has finished. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
