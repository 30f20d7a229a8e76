// Checking many files on every core: the file list is split across worker threads running this same
// bundle. Results come back in input order, so the output does not depend on scheduling.
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkText, type Finding } from '../service';

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 48;

interface Job {
  kind: 'ogi-report-check';
  texts: string[];
  locale: string;
}

export async function checkAll(texts: string[], locale: string): Promise<Finding[][]> {
  const threads = Math.min(availableParallelism(), 8);
  // Workers re-load this file: only possible from the bundle, not from TypeScript sources under a loader.
  if (texts.length < MIN_FILES_FOR_WORKERS || threads < 2 || !__filename.endsWith('.js')) {
    return texts.map((t) => checkText(t, { locale }));
  }
  const chunk = Math.ceil(texts.length / threads);
  const parts = Array.from({ length: threads }, (_, i) => texts.slice(i * chunk, (i + 1) * chunk)).filter(
    (p) => p.length,
  );
  const results = await Promise.all(
    parts.map(
      (part) =>
        new Promise<Finding[][]>((resolve, reject) => {
          const worker = new Worker(__filename, {
            workerData: { kind: 'ogi-report-check', texts: part, locale } satisfies Job,
          });
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

if (!isMainThread && (workerData as Job | undefined)?.kind === 'ogi-report-check') {
  const job = workerData as Job;
  parentPort!.postMessage(job.texts.map((t) => checkText(t, { locale: job.locale })));
}
