/** The per-invocation rendezvous behind the batch output's lines and the batch's events (no AWS here). */
import { Rendezvous } from '../lambdas/rendezvous';

const tick = () => new Promise((r) => setImmediate(r));

describe('Rendezvous', () => {
  test('a record waiting on one queue counts as blocked for the others: both queues flush', async () => {
    const flushed: string[][] = [];
    const rv = new Rendezvous(2);
    const lines = rv.queue<string, string>(async (ws) => {
      flushed.push(ws.map((w) => `line:${w.value}`));
      ws.forEach((w) => w.resolve('obj'));
    });
    const events = rv.queue<string, void>(async (ws) => {
      flushed.push(ws.map((w) => `event:${w.value}`));
      ws.forEach((w) => w.resolve());
    });
    const [a, b] = [rv.record(), rv.record()];
    const owed = a.wait(events, 'a'); // a retry: its item is current, only its event is owed
    await tick();
    expect(flushed).toEqual([]); // b is still working
    const line = b.wait(lines, 'b');
    await expect(owed).resolves.toBeUndefined();
    await expect(line).resolves.toBe('obj');
    a.finish();
    await expect(b.wait(events, 'b')).resolves.toBeUndefined(); // b's item written: its event, alone now
    expect(flushed).toEqual([['line:b'], ['event:a'], ['event:b']]);
  });

  test('a flush settles each waiter on its own; a failed flush rejects those it left; a finished record may not wait', async () => {
    const rv = new Rendezvous(3);
    const q = rv.queue<number, number>(async (ws) => {
      ws[0].resolve(ws[0].value);
      ws[1].reject(new Error('entry failed'));
      throw new Error('call failed');
    });
    const turns = [rv.record(), rv.record(), rv.record()];
    const results = await Promise.allSettled(turns.map((t, i) => t.wait(q, i)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([0, 'entry failed', 'call failed']);
    turns[0].finish();
    await expect(turns[0].wait(q, 9)).rejects.toThrow(/after its record finished/);
  });
});
