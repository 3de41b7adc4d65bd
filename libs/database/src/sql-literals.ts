/**
 * Values written into a statement's text, for statements that must go without parameters: the simple
 * protocol takes several statements in one message (begin, lock, read; write, commit), the extended
 * protocol with parameters one statement a round trip.
 */

/**
 * A string as a literal, as the driver's `escapeLiteral` writes it (doubled quotes; with a backslash,
 * an `E''` string with doubled backslashes, so `standard_conforming_strings` does not matter). Two
 * regular expressions instead of its loop over every character: a rebuild's window of documents is
 * megabytes of text, where the loop takes about a hundred times as long.
 */
export function sqlLiteral(text: string): string {
  if (text.includes('\0')) throw new TypeError('a NUL character cannot be in a PostgreSQL string');
  const quoted = text.replace(/'/g, "''");
  return text.includes('\\') ? ` E'${quoted.replace(/\\/g, '\\\\')}'` : `'${quoted}'`;
}

/** An integer as a literal; anything else is refused rather than written. */
export function sqlInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new TypeError(`not an integer: ${value}`);
  return String(value);
}

/** Strings as a `text[]` literal. */
export const sqlTextArray = (values: readonly string[]): string => `ARRAY[${values.map(sqlLiteral).join(',')}]::text[]`;
