/** A NAV-ident: one capital letter and six digits, e.g. `Z123456`. */
export const NAV_IDENT_PATTERN = /^[A-Z]\d{6}$/;

export const isNavIdent = (value: string): boolean => NAV_IDENT_PATTERN.test(value);
