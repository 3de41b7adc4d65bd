import { addNorwegianWorkingDays, easterSunday, isNorwegianWorkingDay, norwegianPublicHolidays } from './working-days.js';

describe('Norwegian working days', () => {
  it.each([
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2019, '2019-04-21'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it.each([
    [2025, ['2025-04-17', '2025-04-18', '2025-04-21', '2025-05-29', '2025-06-09']],
    [2026, ['2026-04-02', '2026-04-03', '2026-04-06', '2026-05-14', '2026-05-25']],
    [2027, ['2027-03-25', '2027-03-26', '2027-03-29', '2027-05-06', '2027-05-17']],
    [2028, ['2028-04-13', '2028-04-14', '2028-04-17', '2028-05-25', '2028-06-05']],
  ])('%i: Maundy Thursday, Good Friday, Easter Monday, Ascension Day and Whit Monday are holidays', (year, days) => {
    for (const day of days) {
      expect(norwegianPublicHolidays(year)).toContain(day);
      expect(isNorwegianWorkingDay(day)).toBe(false);
    }
  });

  it('keeps New Year, 1 and 17 May and Christmas; weekdays around them work', () => {
    for (const day of ['2026-01-01', '2026-05-01', '2026-05-17', '2026-12-25', '2026-12-26'])
      expect(isNorwegianWorkingDay(day)).toBe(false);
    for (const day of ['2026-12-23', '2026-12-28', '2026-12-31', '2027-01-04', '2026-04-01', '2026-04-07'])
      expect(isNorwegianWorkingDay(day)).toBe(true);
    expect(isNorwegianWorkingDay('2026-04-04')).toBe(false); // Saturday
  });

  it('Wednesday before Easter 2026 at 15:00 Oslo is due Wednesday after Easter at 15:00', () => {
    expect(addNorwegianWorkingDays('2026-04-01T15:00:00+02:00', 2)).toBe('2026-04-08T13:00:00.000Z');
  });

  it('a Friday at 09:00 is due on the Tuesday at 09:00, or the Wednesday when Monday is Whit Monday', () => {
    expect(addNorwegianWorkingDays('2026-03-06T09:00:00+01:00', 2)).toBe('2026-03-10T08:00:00.000Z');
    expect(addNorwegianWorkingDays('2026-05-22T09:00:00+02:00', 2)).toBe('2026-05-27T07:00:00.000Z');
  });

  it('skips Christmas and New Year: 23 December 2026 (Wednesday) is due 28 December; 31 December due 5 January', () => {
    expect(addNorwegianWorkingDays('2026-12-23T10:00:00+01:00', 2)).toBe('2026-12-28T09:00:00.000Z');
    expect(addNorwegianWorkingDays('2026-12-31T10:00:00+01:00', 2)).toBe('2027-01-05T09:00:00.000Z');
  });

  it('keeps the Oslo time of day across the change to summer time, and counts a weekend receipt from Monday', () => {
    // Friday 27 March 2026 14:00 CET; clocks go forward on Sunday 29 March; due Tuesday 31 March 14:00 CEST.
    expect(addNorwegianWorkingDays('2026-03-27T13:00:00Z', 2)).toBe('2026-03-31T12:00:00.000Z');
    // Saturday 7 March 2026 11:00: Monday and Tuesday count, due Tuesday 11:00.
    expect(addNorwegianWorkingDays('2026-03-07T11:00:00+01:00', 2)).toBe('2026-03-10T10:00:00.000Z');
  });
});
