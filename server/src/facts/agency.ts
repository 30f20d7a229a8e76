// Same agency (FORMAT.md §9): equal names after removing spaces and normalising full-/half-width forms.

/** The agency name as reports are matched across years: NFKC (full-width → half-width), no spaces. */
export function agencyKey(agency: string): string {
  return agency.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}
