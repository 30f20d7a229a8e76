// The facts of many reports, by file and by agency and year: what a host looks reports up in.
import type { FactsLookup, ReportFacts } from './types';

const key = (agencyKey: string, year: number) => `${year}\u0000${agencyKey}`;

export class FactsStore {
  private readonly byUri = new Map<string, ReportFacts>();
  private readonly byAgencyYear = new Map<string, Set<string>>();

  get size(): number {
    return this.byUri.size;
  }
  get(uri: string): ReportFacts | undefined {
    return this.byUri.get(uri);
  }
  all(): IterableIterator<ReportFacts> {
    return this.byUri.values();
  }
  /** Adds or replaces the facts of a file; returns the ones replaced. */
  set(facts: ReportFacts): ReportFacts | undefined {
    const old = this.delete(facts.uri);
    this.byUri.set(facts.uri, facts);
    if (facts.agencyKey !== undefined && facts.year !== undefined) {
      const k = key(facts.agencyKey, facts.year);
      let uris = this.byAgencyYear.get(k);
      if (!uris) this.byAgencyYear.set(k, (uris = new Set()));
      uris.add(facts.uri);
    }
    return old;
  }
  /** Forgets a file; returns its facts. */
  delete(uri: string): ReportFacts | undefined {
    const old = this.byUri.get(uri);
    if (!old) return undefined;
    this.byUri.delete(uri);
    if (old.agencyKey !== undefined && old.year !== undefined) {
      const k = key(old.agencyKey, old.year);
      const uris = this.byAgencyYear.get(k);
      uris?.delete(uri);
      if (uris?.size === 0) this.byAgencyYear.delete(k);
    }
    return old;
  }
  /** The reports of an agency and year, in a stable order (by file). */
  readonly lookup: FactsLookup = (agencyKey, year) => {
    const uris = this.byAgencyYear.get(key(agencyKey, year));
    return uris ? [...uris].sort().map((uri) => this.byUri.get(uri)!) : [];
  };
}
