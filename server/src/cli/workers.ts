// Work split across worker threads running this same bundle: the list in contiguous parts, one per
// thread, the results back in input order, so the output does not depend on scheduling.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * How many threads to split `count` items across, or 0 to stay on this one: below `minimum` items
 * starting workers costs more than it saves, and workers re-load this file, which only the bundle can
 * (not TypeScript sources under a loader).
 */
export function threadsFor(count: number, minimum: number): number {
  const threads = Math.min(availableParallelism(), 8);
  return count < minimum || threads < 2 || !__filename.endsWith('.js') ? 0 : threads;
}

/** Runs `items` on `threads` workers started with `data(part)`; each posts back its part's results. */
export async function onWorkers<T, R>(items: T[], threads: number, data: (part: T[]) => unknown): Promise<R[]> {
  const chunk = Math.ceil(items.length / threads);
  const parts = Array.from({ length: threads }, (_, i) => items.slice(i * chunk, (i + 1) * chunk)).filter(
    (p) => p.length,
  );
  const results = await Promise.all(
    parts.map(
      (part) =>
        new Promise<R[]>((resolve, reject) => {
          const worker = new Worker(__filename, { workerData: data(part) });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`worker exited with ${code}`));
          });
        }),
    ),
  );
  return results.flat();
}
