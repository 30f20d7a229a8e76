// The report model: what parsing makes of a text, every part with its source offsets. Plain data,
// never changed once `parseReport` returns it.
import type { SectionDef, Template } from '../statute';
import type { FrontMatter } from './frontMatter';
import type { TableInstance } from './tableModel';
import type { LineIndex } from './text';

export type SectionNumber = SectionDef['number'];

export interface SectionMatch {
  number: SectionNumber;
  /** Why the heading is not the statutory wording, when it is not. */
  issue?: 'wording' | 'numbering';
}

export interface Heading {
  level: number;
  text: string;
  line: number;
  start: number;
  end: number;
}
export interface Fence {
  info: string;
  line: number;
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  closed: boolean;
}
export interface Paragraph {
  line: number;
  start: number;
  end: number;
  text: string;
  section?: SectionNumber;
}
export interface MdTableCell {
  text: string;
  start: number;
  end: number;
}
export interface MdTable {
  line: number;
  header: MdTableCell[];
  rows: { line: number; cells: MdTableCell[] }[];
  section?: SectionNumber;
}

export interface TableBlock {
  fence: Fence;
  syntaxError?: { message: string; start: number; end: number };
  instance?: TableInstance;
}

export interface Section {
  number: SectionNumber;
  def: SectionDef;
  heading: Heading;
  match: SectionMatch;
  /** From the heading to the next statutory heading (or the end of the text). */
  start: number;
  end: number;
  table?: TableBlock;
}

export interface Report {
  text: string;
  lines: LineIndex;
  frontMatter: FrontMatter;
  template: Template;
  headings: Heading[];
  /** Statutory section headings, in document order (a repeated one appears twice). */
  sections: Section[];
  fences: Fence[];
  paragraphs: Paragraph[];
  mdTables: MdTable[];
}
