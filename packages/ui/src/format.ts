// Date formatting shared by the console: always China Standard Time (UTC+8, no daylight
// saving), so the server render and the browser agree whatever their own time zones.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { uiStrings } from './strings.js';

dayjs.extend(utc);

const CHINA_OFFSET_MINUTES = 8 * 60;

export type DateInput = string | number | Date | null | undefined;

function toChinaTime(value: DateInput) {
  if (value === null || value === undefined || value === '') return null;
  const d = dayjs(value);
  if (!d.isValid()) return null;
  return d.utcOffset(CHINA_OFFSET_MINUTES);
}

/** `2026年11月21日 14:05`; a dash for empty or invalid input. */
export function formatDateTime(value: DateInput, fallback: string = uiStrings.empty): string {
  const d = toChinaTime(value);
  return d ? d.format('YYYY年M月D日 HH:mm') : fallback;
}

/** `2026年11月21日`; a dash for empty or invalid input. */
export function formatDate(value: DateInput, fallback: string = uiStrings.empty): string {
  const d = toChinaTime(value);
  return d ? d.format('YYYY年M月D日') : fallback;
}
