// Events as a published catalog: every event the kernel or a plugin emits is declared with
// a zod schema for its payload. The kernel's are in kernel-events.ts; a plugin declares its
// own in `definePlugin({ events })` and exports the same object from its `./contract` entry,
// so a subscriber in another plugin reads the payload's type from the schema it is checked by.
import type { z } from 'zod';

/** An event's payload: a JSON object. */
export type EventPayload = Record<string, unknown>;

/** Event name → the zod schema of its payload. */
export type EventCatalog = Readonly<Record<string, z.ZodType<EventPayload>>>;

/** Identity function that keeps the catalog's literal names and payload types. */
export function defineEvents<const C extends Record<string, z.ZodType<EventPayload>>>(catalog: C): C {
  return catalog;
}

/** The payload type of one event of a catalog, e.g. `EventPayloadOf<typeof petitionEvents, 'petitions.concluded'>`. */
export type EventPayloadOf<C extends EventCatalog, N extends keyof C> = z.infer<C[N]>;

export class EventContractError extends Error {
  override name = 'EventContractError';
}

/**
 * Checks an event against the catalog: an undeclared name or a payload its schema refuses
 * throws an EventContractError naming the event and the first failing field.
 */
export function checkEvent(catalog: EventCatalog, name: string, payload: unknown): void {
  const schema = Object.hasOwn(catalog, name) ? catalog[name] : undefined;
  if (!schema) throw new EventContractError(`Event '${name}' is not declared: declare it in the kernel's catalog (kernel-events.ts) or in the emitting plugin's \`events\``);
  const r = schema.safeParse(payload);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const at = issue.path.length ? issue.path.join('.') : '(payload)';
    throw new EventContractError(`Event '${name}' payload does not match its schema at '${at}': ${issue.message}`);
  }
}
