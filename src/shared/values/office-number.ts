/** A NAV office's enhetsnummer (NORG2): four digits, e.g. `0314`. Leading zeros matter: it is a string. */
export const OFFICE_NUMBER_PATTERN = /^\d{4}$/;

export const isOfficeNumber = (value: string): boolean => OFFICE_NUMBER_PATTERN.test(value);
