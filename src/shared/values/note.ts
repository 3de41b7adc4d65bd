/**
 * Text that may hold a fødselsnummer: 11 digits in a row anywhere (a longer run contains one),
 * or the way people write one, 6 + 5 digits split by a space, dot or dash (`130972 48022`).
 * Other spaced digits (phone numbers, an org number and a count) are left alone.
 */
const PERSONAL_ID_LIKE = /\d{11}|(?<!\d)\d{6}[ .-]\d{5}(?!\d)/;

export const mayHoldPersonalId = (text: string): boolean => PERSONAL_ID_LIKE.test(text);
