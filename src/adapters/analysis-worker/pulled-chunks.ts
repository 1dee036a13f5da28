type Chunk = Uint8Array | string;

/**
 * One file's chunks inside the worker, asked for one at a time: while a chunk is parsed the next is already on its
 * way (one in flight, one buffered at most), so the worker holds two chunks of a file, never the file.
 */
export class PulledChunks implements AsyncIterable<Chunk> {
  private buffered: Chunk | null = null;
  private requested = false;
  private ended = false;
  private failure: Error | null = null;
  private waiter: ((value: IteratorResult<Chunk>) => void) | null = null;
  private failWaiter: ((error: Error) => void) | null = null;

  constructor(
    private readonly pull: () => void,
    private readonly drop: () => void,
  ) {}

  deliver(chunk: Chunk): void {
    this.requested = false;
    if (this.waiter !== null) {
      this.settle({ value: chunk, done: false });
      this.request();
    } else this.buffered = chunk;
  }

  end(): void {
    this.requested = false;
    this.ended = true;
    this.settle({ value: undefined, done: true });
  }

  fail(message: string): void {
    this.requested = false;
    this.failure = new Error(message);
    const reject = this.failWaiter;
    this.waiter = null;
    this.failWaiter = null;
    reject?.(this.failure);
  }

  private settle(result: IteratorResult<Chunk>): void {
    const resolve = this.waiter;
    this.waiter = null;
    this.failWaiter = null;
    resolve?.(result);
  }

  private request(): void {
    if (this.requested || this.ended || this.failure !== null) return;
    this.requested = true;
    this.pull();
  }

  [Symbol.asyncIterator](): AsyncIterator<Chunk> {
    return {
      next: () => {
        if (this.buffered !== null) {
          const value = this.buffered;
          this.buffered = null;
          this.request();
          return Promise.resolve({ value, done: false });
        }
        if (this.failure !== null) return Promise.reject(this.failure);
        if (this.ended) return Promise.resolve({ value: undefined, done: true });
        this.request();
        return new Promise<IteratorResult<Chunk>>((resolve, reject) => {
          this.waiter = resolve;
          this.failWaiter = reject;
        });
      },
      return: () => {
        // The reader stopped early (a binary file, another file failed): the main thread closes the source.
        if (!this.ended && this.failure === null) this.drop();
        this.ended = true;
        this.buffered = null;
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
