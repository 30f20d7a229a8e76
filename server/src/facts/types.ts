// What one report tells the others (FORMAT.md §9): a small extract — who and when, its template, and
// the few cells the identities across years read, each with where it is. Hosts keep these for many
// reports (the language server's workspace index, the CLI's inputs) instead of whole models.
import type { Range } from '../parse/text';

/** One cell of a row as the identities read it. */
export interface FactCell {
  /** As written, or computed where the author left a 总计 out. */
  value: number;
  /** Written, or computed from written cells, and checkable (no invalid, unusable or inconsistent part). */
  known: boolean;
  /** Written in the report (a left-out total is not). */
  written: boolean;
  /** The written value's place, or the row key's when it is not written. */
  start: number;
  end: number;
  range: Range;
}

/** A statutory row present in the report, with every cell of its columns. */
export interface FactRow {
  /** The table's id (`requests`, `proactive`, …). */
  table: string;
  /** The row's statutory path, joined with '/'. */
  path: string;
  keyStart: number;
  keyEnd: number;
  keyRange: Range;
  /** By column key. */
  cells: Record<string, FactCell>;
}

export interface ReportFacts {
  /** The host's identifier of the file: a URI in the language server, a path on the command line. */
  uri: string;
  /** How messages name the file (a path relative to the workspace or the working directory). */
  name: string;
  agency?: string;
  /** The agency as FORMAT.md §9 compares it (agencyKey). */
  agencyKey?: string;
  year?: number;
  template: string;
  rows: FactRow[];
}

/** The reports of an agency (by its agencyKey) and year that the host knows of. */
export type FactsLookup = (agencyKey: string, year: number) => readonly ReportFacts[];
