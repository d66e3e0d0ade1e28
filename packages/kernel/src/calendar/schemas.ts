// The inputs of ctx.kernel.calendar (plugins count working days on the county's calendar).
import { field as f, z } from '@zhengfa/plugin-api';
import { fieldNames as n } from '../strings.js';

export const workingDaySchema = z.object({ date: f.isoDate(n.calendarDate) });

export const workingDaysSchema = z.object({
  date: f.isoDate(n.calendarDate),
  days: f.int(n.workingDays, { min: 0, max: 366 }),
});
