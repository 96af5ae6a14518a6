/**
 * A per-invocation rendezvous of the records of one SQS batch, which run concurrently: a record
 * hands a value to a queue (a batch line, a page event) and waits; once every record of the batch
 * is either waiting on some queue or finished, each queue holding values is flushed with all of
 * them in one go (one PUT of a batch object, one PutEvents per 10 events).
 *
 * One rendezvous serves every queue of an invocation, so that a record waiting on one queue
 * counts as blocked for the others: with a rendezvous per queue, a record waiting for its event
 * (its item written) would keep the line queue from flushing while another record waited for its
 * line, and neither would ever go on.
 */

/** One value waiting for its queue's flush; the flush settles it (once: later calls are ignored). */
export interface Waiter<T, R> {
  readonly value: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/** Sends one queue's values; must settle every waiter (a rejection of the whole flush rejects those it left). */
export type Flush<T, R> = (waiters: Array<Waiter<T, R>>) => Promise<void>;

/** A queue of the rendezvous: values handed to it are flushed together. */
export class RendezvousQueue<T, R> {
  /** @internal */
  readonly waiting: Array<Waiter<T, R>> = [];
  /** @internal */
  constructor(readonly flush: Flush<T, R>) {}
}

/** One record's part in the rendezvous: `finish()` once, when the record is done (however it ended). */
export interface Turn {
  wait<T, R>(queue: RendezvousQueue<T, R>, value: T): Promise<R>;
  finish(): void;
}

export class Rendezvous {
  private readonly queues: Array<RendezvousQueue<never, unknown>> = [];
  private blocked = 0;
  private finished = 0;

  /** `records`: how many records take part (each takes one `record()`). */
  constructor(private readonly records: number) {}

  queue<T, R>(flush: Flush<T, R>): RendezvousQueue<T, R> {
    const queue = new RendezvousQueue(flush);
    this.queues.push(queue as unknown as RendezvousQueue<never, unknown>);
    return queue;
  }

  record(): Turn {
    let finished = false;
    return {
      wait: <T, R>(queue: RendezvousQueue<T, R>, value: T) => {
        if (finished) return Promise.reject(new Error('Rendezvous: a value was handed over after its record finished'));
        this.blocked++;
        return new Promise<R>((resolve, reject) => {
          let settled = false;
          const settle = (): boolean => {
            if (settled) return false;
            settled = true;
            this.blocked--;
            return true;
          };
          queue.waiting.push({
            value,
            resolve: (result) => { if (settle()) resolve(result); },
            reject: (error) => { if (settle()) reject(error); },
          });
          this.flushWhenComplete();
        });
      },
      finish: () => {
        if (finished) return;
        finished = true;
        this.finished++;
        this.flushWhenComplete();
      },
    };
  }

  private flushWhenComplete(): void {
    if (this.blocked + this.finished < this.records) return;
    for (const queue of this.queues) {
      if (queue.waiting.length === 0) continue;
      const taken = queue.waiting.splice(0);
      const leftover = (error: unknown) => taken.forEach((w) => w.reject(error));
      queue.flush(taken).then(
        () => leftover(new Error('Rendezvous: the flush left a value unsettled')),
        leftover,
      );
    }
  }
}
