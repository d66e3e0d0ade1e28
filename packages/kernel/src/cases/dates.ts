// Dates of the case kernel are calendar dates in China (Asia/Shanghai), as 'YYYY-MM-DD'.
const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export function chinaDate(at: Date = new Date()): string {
  return fmt.format(at);
}
