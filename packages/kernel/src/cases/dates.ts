// Dates of the case kernel are calendar dates in China (Asia/Shanghai), as 'YYYY-MM-DD'.
// China keeps UTC+8 all year (no daylight saving since 1991), so the date is the UTC date
// eight hours on: plain arithmetic, much cheaper than Intl on every ledger row.
const CHINA_OFFSET_MS = 8 * 3600_000;

export function chinaDate(at: Date = new Date()): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
