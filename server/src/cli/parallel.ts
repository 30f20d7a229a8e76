// Checking many files on every core: the file list is split across worker threads running this same
// bundle. Each file is parsed once, there: its findings (the rules over one report), its facts (what
// the rules across years read, FORMAT.md §9) and, for the summary, its key figures come back, in input
// order, so the output does not depend on scheduling. The rules across years run afterwards, in
// checkFiles.ts, over the facts of every input.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  checkReport,
  extractFacts,
  keyFigureValues,
  parseReport,
  type Figures,
  type Finding,
  type ReportFacts,
  type SourceInfo,
} from '../service';
import { onWorkers, threadsFor } from './workers';

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 48;

/** A file to check: its text and how it was decoded; `uri` and `name` identify it in other files' findings. */
export interface FileToCheck {
  text: string;
  source: SourceInfo;
  uri: string;
  name: string;
}
export interface FileChecked {
  findings: Finding[];
  facts: ReportFacts;
  figures?: Figures;
}
export interface CheckAllOptions {
  locale: string;
  /** Also compute each report's key figures (the summary's). */
  figures?: boolean;
}

interface Job extends CheckAllOptions {
  kind: 'ogi-report-check';
  files: FileToCheck[];
}

function checkOne(file: FileToCheck, options: CheckAllOptions): FileChecked {
  const report = parseReport(file.text);
  return {
    findings: checkReport(report, { locale: options.locale, source: file.source }),
    facts: extractFacts(report, file.uri, file.name),
    ...(options.figures ? { figures: keyFigureValues(report) } : {}),
  };
}

export async function checkAll(files: FileToCheck[], options: CheckAllOptions): Promise<FileChecked[]> {
  const threads = threadsFor(files.length, MIN_FILES_FOR_WORKERS);
  if (!threads) return files.map((f) => checkOne(f, options));
  return onWorkers<FileToCheck, FileChecked>(
    files,
    threads,
    (part) => ({ kind: 'ogi-report-check', files: part, ...options }) satisfies Job,
  );
}

if (!isMainThread && (workerData as Job | undefined)?.kind === 'ogi-report-check') {
  const job = workerData as Job;
  parentPort!.postMessage(job.files.map((f) => checkOne(f, job)));
}
