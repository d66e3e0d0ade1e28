// Reading submitted forms in route actions, and building FormData for fetcher
// submissions: shared by the console and plugins' pages.

/** What a console form submits: strings, numbers and flags; arrays as repeated fields; nothing for null/undefined. */
export type FormValues = Record<string, string | readonly string[] | number | boolean | null | undefined>;

/** A record of values (arrays as repeated fields) as FormData, for fetcher submissions. */
export function toFormData(values: FormValues): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) {
    if (Array.isArray(v)) (v as readonly string[]).forEach((x) => fd.append(k, x));
    else if (v !== undefined && v !== null) fd.append(k, String(v));
  }
  return fd;
}

/** Reading typed values from submitted forms. */
export const form = {
  str(fd: FormData, name: string): string {
    const v = fd.get(name);
    return typeof v === 'string' ? v : '';
  },
  optStr(fd: FormData, name: string): string | undefined {
    const v = fd.get(name);
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  },
  int(fd: FormData, name: string, fallback = 0): number {
    const n = Number.parseInt(form.str(fd, name), 10);
    return Number.isFinite(n) ? n : fallback;
  },
  bool(fd: FormData, name: string): boolean {
    const v = form.str(fd, name);
    return v === 'true' || v === 'on' || v === '1';
  },
  list(fd: FormData, name: string): string[] {
    return fd.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
  },
  json<T>(fd: FormData, name: string): T | null {
    try {
      return JSON.parse(form.str(fd, name)) as T;
    } catch {
      return null;
    }
  },
};
