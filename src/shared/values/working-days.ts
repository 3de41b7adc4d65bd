/**
 * Norwegian working days: not Saturday or Sunday, and not a public holiday (helligdag) by
 * lov om helligdager og helligdagsfred §2 and 1 and 17 May by their own laws. Times are read in
 * Europe/Oslo, the offices' time zone, so "two working days after 15:00" is 15:00 local time,
 * across a change to or from summer time as well.
 */
const ZONE = 'Europe/Oslo';
const DAY_MS = 86_400_000;

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher), as `YYYY-MM-DD`. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const shiftDate = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The public holidays of a year (`YYYY-MM-DD`): fixed ones and those that move with Easter. */
export function norwegianPublicHolidays(year: number): string[] {
  const easter = easterSunday(year);
  // Maundy Thursday, Good Friday, Easter Sunday and Monday, Ascension Day, Whit Sunday and Monday.
  const moving = [-3, -2, 0, 1, 39, 49, 50].map((offset) => shiftDate(easter, offset));
  const fixed = ['01-01', '05-01', '05-17', '12-25', '12-26'].map((day) => `${year}-${day}`);
  return [...fixed, ...moving].sort();
}

export function isNorwegianWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !norwegianPublicHolidays(Number(date.slice(0, 4))).includes(date);
}

const osloParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The Oslo wall clock of an instant: date `YYYY-MM-DD` and time `HH:MM:SS.mmm`. */
function osloWallClock(instant: number): { date: string; time: string } {
  const parts = Object.fromEntries(osloParts.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const ms = String(new Date(instant).getUTCMilliseconds()).padStart(3, '0');
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}.${ms}` };
}

/** Oslo's offset from UTC at an instant, in milliseconds. */
const osloOffset = (instant: number): number => {
  const { date, time } = osloWallClock(instant);
  return Date.parse(`${date}T${time}Z`) - instant;
};

/** The instant a wall-clock time in Oslo stands for (a time skipped by the spring change moves on by the hour). */
function fromOsloWallClock(date: string, time: string): number {
  const asUtc = Date.parse(`${date}T${time}Z`);
  const first = asUtc - osloOffset(asUtc);
  return asUtc - osloOffset(first);
}

/**
 * The instant `workingDays` Norwegian working days after `instant`, at the same Oslo time of day:
 * counted from the next day on, so a Friday's inquiry with two days is due on Tuesday.
 */
export function addNorwegianWorkingDays(instant: string, workingDays: number): string {
  const { date, time } = osloWallClock(Date.parse(instant));
  let day = date;
  for (let counted = 0; counted < workingDays;) {
    day = shiftDate(day, 1);
    if (isNorwegianWorkingDay(day)) counted += 1;
  }
  return new Date(fromOsloWallClock(day, time)).toISOString();
}
