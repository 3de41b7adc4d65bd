/** SN2007 (NACE rev. 2) divisions → section letters: the first division of each section. */
const SECTION_STARTS: [number, string][] = [
  [1, 'A'], [5, 'B'], [10, 'C'], [35, 'D'], [36, 'E'], [41, 'F'], [45, 'G'], [49, 'H'], [55, 'I'], [58, 'J'],
  [64, 'K'], [68, 'L'], [69, 'M'], [77, 'N'], [84, 'O'], [85, 'P'], [86, 'Q'], [90, 'R'], [94, 'S'], [97, 'T'], [99, 'U'],
];

/** e.g. `41.200` or `41.2` → `F`; undefined for a code with no SN2007 division. */
export function naceSection(naceCode: string): string | undefined {
  const division = /^(\d{2})(\.\d{1,3})?$/.exec(naceCode)?.[1];
  if (!division) return undefined;
  const n = Number(division);
  if (n < 1 || n > 99 || [4, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89, 98].includes(n)) return undefined;
  let section: string | undefined;
  for (const [start, letter] of SECTION_STARTS) if (n >= start) section = letter;
  return section;
}
