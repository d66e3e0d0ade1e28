// Which columns of a list a user has chosen to see, remembered in the browser per user and
// per list (localStorage). Only the hidden keys are stored, so a column added later shows.
export interface ColumnChoice {
  key: string;
  /** A column that cannot be hidden (the first and the action columns). */
  locked?: boolean;
  /** Hidden until the user shows it. */
  hiddenByDefault?: boolean;
}

const PREFIX = 'zf.columns.';

export function settingsStorageKey(listId: string, userId: string | null | undefined): string {
  return `${PREFIX}${userId ?? 'anonymous'}.${listId}`;
}

/** The hidden column keys stored for this list, or null when the user never chose. */
export function readHidden(storage: Pick<Storage, 'getItem'> | undefined, key: string): string[] | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(key);
    if (raw === null) return null;
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : null;
  } catch {
    return null;
  }
}

export function writeHidden(storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined, key: string, hidden: string[] | null): void {
  if (!storage) return;
  try {
    if (hidden === null) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(hidden));
  } catch {
    // storage full or disabled: the choice lasts for this page only
  }
}

export function defaultHidden(columns: ColumnChoice[]): string[] {
  return columns.filter((c) => c.hiddenByDefault && !c.locked).map((c) => c.key);
}

/** The keys shown: locked columns always, the others unless hidden. */
export function visibleKeys(columns: ColumnChoice[], hidden: string[]): Set<string> {
  const off = new Set(hidden);
  return new Set(columns.filter((c) => c.locked || !off.has(c.key)).map((c) => c.key));
}
