/** SN2007 (the Norwegian NACE rev. 2) sections, A–U: what the views group industries by. */
export const NACE_SECTIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U'] as const;
export type NaceSection = (typeof NACE_SECTIONS)[number];

/** Each section's 2-digit divisions, first and last. The gaps (04, 34, 40, …) are no division. */
const DIVISIONS: readonly [first: number, last: number, section: NaceSection][] = [
  [1, 3, 'A'], [5, 9, 'B'], [10, 33, 'C'], [35, 35, 'D'], [36, 39, 'E'], [41, 43, 'F'], [45, 47, 'G'],
  [49, 53, 'H'], [55, 56, 'I'], [58, 63, 'J'], [64, 66, 'K'], [68, 68, 'L'], [69, 75, 'M'], [77, 82, 'N'],
  [84, 84, 'O'], [85, 85, 'P'], [86, 88, 'Q'], [90, 93, 'R'], [94, 96, 'S'], [97, 98, 'T'], [99, 99, 'U'],
];

/** The code as the API takes it: a division, optionally with group/class digits (`41`, `41.2`, `41.200`). */
export const NACE_CODE_PATTERN = /^(\d{2})(\.\d{1,3})?$/;

/** e.g. `41.200` → `F`; undefined for a code that is malformed or names no SN2007 division. */
export function naceSection(naceCode: string): NaceSection | undefined {
  const division = NACE_CODE_PATTERN.exec(naceCode)?.[1];
  if (division === undefined) return undefined;
  const n = Number(division);
  return DIVISIONS.find(([first, last]) => n >= first && n <= last)?.[2];
}
