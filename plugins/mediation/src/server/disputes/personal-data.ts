// Parties' identifiers: checked, sealed with ctx.vault before writing, masked when listed.

/** 18 characters, the last a digit or X (the full check is the kernel's job at a reveal). */
export function isIdNumber(value: string): boolean {
  return /^\d{17}[\dX]$/.test(value.trim().toUpperCase());
}

/** A mobile (11 digits starting with 1) or a landline with area code. */
export function isPhone(value: string): boolean {
  const digits = value.trim().replace(/[\s-]/g, '');
  return /^1[3-9]\d{9}$/.test(digits) || /^0\d{2,3}[2-9]\d{6,7}$/.test(digits);
}

export function normalizeIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

export function normalizePhone(value: string): string {
  const text = value.trim();
  const digits = text.replace(/[\s-]/g, '');
  return digits.startsWith('1') ? digits : text.replace(/\s+/g, '-');
}

/** 430102199001011234 → 430***********1234. */
export function maskIdNumber(id: string): string {
  const c = Array.from(id);
  if (c.length <= 7) return '*'.repeat(c.length);
  return c.slice(0, 3).join('') + '*'.repeat(c.length - 7) + c.slice(-4).join('');
}

/** 13812345678 → 138****5678; 0731-84123456 → 0731-****3456. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  const c = Array.from(phone);
  return c.map((ch, i) => (i >= c.length - 4 || ch === '-' || i < Math.min(4, c.length - 4) ? ch : '*')).join('');
}
