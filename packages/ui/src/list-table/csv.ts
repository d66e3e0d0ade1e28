// A list as CSV for lists the server has no xlsx export for: the rows the page holds (the
// whole filtered list where the page loads it whole), UTF-8 with a byte-order mark so that
// Excel opens the Chinese text correctly.
export function toCsv(headers: string[], rows: string[][]): string {
  const cell = (v: string) => {
    // A leading = + - @ would make a spreadsheet run the text as a formula.
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${[headers, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
