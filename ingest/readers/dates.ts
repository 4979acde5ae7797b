/** Date parsing for the handful of shapes newsletters and file names use. */
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

export function monthNumber(name: string): number | null {
  const key = name.toLowerCase().slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3);
  return MONTHS[key] ?? null;
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (!(year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return d.toISOString().slice(0, 10);
}

const MONTH_NAME = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

/** "July 31, 2025", "31 July 2025", "2025-07-31", RFC 822 feed dates; null when unsure. */
export function parseDate(value: string): string | null {
  const s = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = new RegExp(`\\b${MONTH_NAME}\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'i').exec(s);
  if (m) return isoDate(Number(m[3]), monthNumber(m[1]!) ?? 0, Number(m[2]));
  m = new RegExp(`\\b(\\d{1,2}) ${MONTH_NAME}\\.?,? (\\d{4})\\b`, 'i').exec(s);
  if (m) return isoDate(Number(m[3]), monthNumber(m[2]!) ?? 0, Number(m[1]));
  return null;
}

export { MONTH_NAME };
