/** Numbers, shares and times as a Norwegian reader expects them (the API answers raw values). */
const integer = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'short', timeStyle: 'medium' });
const monthName = new Intl.DateTimeFormat('nb-NO', { month: 'short', year: 'numeric', timeZone: 'UTC' });

export const formatInteger = (n: number) => integer.format(n);
export const formatDecimal = (n: number) => decimal.format(n);
export const formatPercent = (share: number) => percent.format(share);
export const formatDays = (days: number | null) => (days === null ? '–' : `${decimal.format(days)} d`);
export const formatTime = (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '–');
/** `2026-03` → `mars 2026`: API months are UTC calendar months. */
export const formatMonth = (month: string) => monthName.format(new Date(`${month}-01T00:00:00Z`));
