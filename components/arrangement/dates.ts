import { formatterFor } from '../../utils/i18n';

/**
 * A partial date from the list ("2018", "2018-08" or "2018-08-06") in the messages' language,
 * showing only as much as the source said. Read as UTC so no time zone moves it a day.
 */
export function partialDate(value: string): string {
  const [year, month, day] = value.split('-').map(Number);
  if (!year) return value;
  const date = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  const precision = day ? 'day' : month ? 'month' : 'year';
  return formatterFor(`date-${precision}`, (language) => new Intl.DateTimeFormat(language, { ...PARTS[precision], timeZone: 'UTC' })).format(date);
}

const PARTS: Record<'day' | 'month' | 'year', Intl.DateTimeFormatOptions> = {
  day: { year: 'numeric', month: 'short', day: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  year: { year: 'numeric' },
};
