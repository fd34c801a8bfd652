import * as v from 'valibot';

/** Lower-case kebab ids: stable keys across files, imports and history. */
export const Id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case kebab-case id'), v.maxLength(80));

/** A real calendar date at the precision a source gives: YYYY, YYYY-MM or YYYY-MM-DD. */
export const PartialDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  v.check(isRealDate, 'is not a real date'),
);

export function isRealDate(text: string): boolean {
  const [y, m = 1, d = 1] = text.split('-').map(Number) as [number, number?, number?];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Compares partial dates by their earliest possible day. */
export function comparePartialDates(a: string, b: string): number {
  return a.padEnd(10, '-01').localeCompare(b.padEnd(10, '-01'));
}

export const HttpsUrl = v.pipe(v.string(), v.maxLength(2048), v.url('must be a URL'), v.startsWith('https://', 'must be an https URL'));

export const Text = (max: number) => v.pipe(v.string(), v.regex(/\S/, 'must not be empty'), v.maxLength(max));
