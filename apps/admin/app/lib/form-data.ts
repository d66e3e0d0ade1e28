/** A record of strings (arrays as repeated fields) as FormData, for fetcher submissions. */
export function toFormData(values: Record<string, string | string[] | number | boolean | null | undefined>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) {
    if (Array.isArray(v)) v.forEach((x) => fd.append(k, x));
    else if (v !== undefined && v !== null) fd.append(k, String(v));
  }
  return fd;
}
