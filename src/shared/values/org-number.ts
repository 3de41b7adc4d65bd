const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/**
 * A Norwegian organisation number: 9 digits, the first 8 or 9 (Enhetsregisteret issues no others,
 * so `000000000`, which passes the check, is refused), the last a mod-11 check digit (remainder 10 = invalid).
 * The one validator of org numbers: DTOs and deciders both use it.
 */
export function isValidOrgNumber(value: string): boolean {
  if (!/^[89]\d{8}$/.test(value)) return false;
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(value[i]), 0);
  const remainder = sum % 11;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check !== 10 && check === Number(value[8]);
}
