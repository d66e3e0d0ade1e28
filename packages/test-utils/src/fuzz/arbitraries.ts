// fast-check arbitraries derived from a procedure's zod (4) input schema: values shaped
// like what the schema takes (so they reach past the first check), mixed with the values
// that used to end in a 500 — NUL, control and bidirectional characters, lone surrogates,
// dates that match YYYY-MM-DD but do not exist, years 0000 and 9999, huge and fractional
// numbers, wrong types, missing keys — and random JSON.
import fc from 'fast-check';

interface Def {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  in?: unknown;
  options?: unknown[];
  entries?: Record<string, string>;
  values?: unknown[];
  checks?: { _zod: { def: Record<string, unknown> } }[];
}

function defOf(schema: unknown): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

/** Strings that broke a server somewhere: each is a plain value, the schema decides. */
export const nastyStrings: readonly string[] = [
  '',
  '   ',
  'a\u0000b',
  '\u0000',
  '关于\u0001\u0008\u000b\u001f事项',
  '\u007f\u0085\ufffe\uffff',
  '报告\u202Excod.exe',
  '\u2066隔离\u2069',
  'x\ud800y',
  '\udfff',
  '😀🀄️',
  "'; drop table kernel.cases; --",
  '%_\\',
  '2026-02-30',
  '2026-13-01',
  '0000-01-01',
  '9999-12-31',
  '2026-1-1',
  '+275760-09-13T00:00:00.000Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '1e308',
  'NaN',
  '<script>alert(1)</script>',
];

const hugeString = fc.constantFrom('字'.repeat(10_001), 'a'.repeat(100_001));

export const nastyNumbers: readonly number[] = [0, -1, 1.5, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, Number.NaN, Number.POSITIVE_INFINITY];

/** Any value of the wrong kind, or none. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 3, arbitrary: fc.constantFrom(...nastyNumbers) },
  { weight: 1, arbitrary: hugeString },
  { weight: 2, arbitrary: fc.constantFrom(undefined, null, true, false, [], {}, [null], { a: 1 }) },
);

function checkValue(def: Def, name: string): Record<string, unknown> | undefined {
  return def.checks?.map((c) => c._zod.def).find((c) => c.check === name);
}

function today(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const plausibleDates = fc.integer({ min: -4000, max: 800 }).map((d) => today(d));
const cjkText = fc.string({ unit: fc.constantFrom(...'关于某县土地纠纷信访督办事项张三李四公安局法院检察院 abcXYZ019-，。\n\t'), minLength: 1, maxLength: 40 });

function stringArbitrary(def: Def): fc.Arbitrary<unknown> {
  const min = Number(checkValue(def, 'min_length')?.minimum ?? 0);
  const max = Number(checkValue(def, 'max_length')?.maximum ?? 200);
  const format = checkValue(def, 'string_format');
  const shaped: fc.Arbitrary<unknown>[] = [
    fc.string({ minLength: min, maxLength: Math.min(max, 60) }),
    cjkText,
    plausibleDates,
    fc.uuid(),
    // One character too many (built by repetition: fast-check draws long strings slowly).
    fc.constantFrom('字', 'a', ' x').map((c) => c.repeat(max + 1).slice(0, max + 1)),
  ];
  if (format?.format === 'regex' && format.pattern instanceof RegExp) {
    const pattern = format.pattern as RegExp;
    // fast-check reads patterns without flags (a case-insensitive one is read as written).
    shaped.push(fc.stringMatching(new RegExp(pattern.source)).filter((v) => v.length <= 200));
  }
  return fc.oneof(...shaped);
}

function numberArbitrary(def: Def): fc.Arbitrary<unknown> {
  const lo = checkValue(def, 'greater_than');
  const hi = checkValue(def, 'less_than');
  const min = typeof lo?.value === 'number' ? lo.value : -1000;
  const max = typeof hi?.value === 'number' ? hi.value : 100_000;
  const inRange = fc.integer({ min: Math.max(Math.ceil(min), -2_000_000_000), max: Math.min(Math.floor(max), 2_000_000_000) });
  return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(min - 1, max + 1, ...nastyNumbers) }, { weight: 1, arbitrary: fc.double() });
}

/** A value shaped by `schema` most of the time, anything else otherwise. */
export function arbitraryFor(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  const shaped = shapedFor(schema, depth);
  return fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 1, arbitrary: nastyValue });
}

const MISSING = Symbol('missing');

function shapedFor(schema: unknown, depth: number): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.jsonValue({ maxDepth: 1 });
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArbitrary(def);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'date':
      return fc.date({ noInvalidDate: false });
    case 'enum':
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...Object.values(def.entries ?? {})) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return fc.oneof({ weight: 4, arbitrary: arbitraryFor(def.innerType, depth + 1) }, { weight: 1, arbitrary: fc.constantFrom(undefined, null) });
    case 'pipe':
      return shapedFor(def.in, depth);
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => arbitraryFor(o, depth + 1)));
    case 'array': {
      const max = Number(checkValue(def, 'max_length')?.maximum ?? 5);
      return fc.oneof(
        { weight: 5, arbitrary: fc.array(arbitraryFor(def.element, depth + 1), { maxLength: Math.min(max, 4) }) },
        // One item too many, repeating a few drawn ones (drawing hundreds is slow).
        {
          weight: 1,
          arbitrary: fc.array(arbitraryFor(def.element, depth + 1), { minLength: 1, maxLength: 3 }).map((a) => Array.from({ length: max + 1 }, (_, i) => a[i % a.length])),
        },
      );
    }
    case 'object': {
      const shape = def.shape ?? {};
      const fields = Object.fromEntries(
        Object.entries(shape).map(([key, child]) => [key, fc.oneof({ weight: 8, arbitrary: arbitraryFor(child, depth + 1) }, { weight: 1, arbitrary: fc.constant(MISSING) })]),
      );
      return fc.record(fields).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== MISSING)));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** The input of a procedure: shaped by its schema, or random JSON, or nothing. */
export function inputArbitrary(schema: unknown | undefined): fc.Arbitrary<unknown> {
  const random = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(undefined, null, 'x', 42, []));
  if (!schema) return random;
  return fc.oneof({ weight: 6, arbitrary: shapedFor(schema, 0) }, { weight: 1, arbitrary: random });
}

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = [...prefix, Array.isArray(value) ? Number(k) : k];
      out.push(p);
      pathsOf(v, p, out);
    }
  }
  return out;
}

function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(value)) {
    const copy = [...(value as unknown[])];
    if (rest.length === 0 && replacement === MISSING) copy.splice(Number(head), 1);
    else copy[Number(head)] = setAt(copy[Number(head)], rest, replacement);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && replacement === MISSING) delete copy[String(head)];
  else copy[String(head)] = setAt(copy[String(head)], rest, replacement);
  return copy;
}

/** A valid example with one of its fields (at any depth) replaced by a nasty value, or removed. */
export function mutationOf(example: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(example);
  if (paths.length === 0) return nastyValue;
  return fc.tuple(fc.constantFrom(...paths), fc.oneof({ weight: 5, arbitrary: nastyValue }, { weight: 1, arbitrary: fc.constant(MISSING) })).map(([path, v]) => setAt(example, path, v));
}
