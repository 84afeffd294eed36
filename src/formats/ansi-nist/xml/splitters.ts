/**
 * Composite traditional values that XML spreads over several elements: the version (1.002), names
 * (surname,given middle), MNU (type-number), height/weight/age ranges, addresses and employers
 * (EAD, RES: structured when the text parses back unchanged, else the full text), print position
 * descriptors inside one item (finger number + image code), the FBI IAFIS Type-9 coordinates.
 * `split` gives the parts to write; `join` rebuilds the value from the parts read. The writer checks join(split(v)) === v by reading
 * its own output back, so a value that does not split cleanly is refused, never altered.
 */

interface Splitter<P extends string> {
  split(value: string): Partial<Record<P, string>> | undefined;
  join(parts: Partial<Record<P, string>>): string;
}

const address: Splitter<'number' | 'street' | 'city' | 'state' | 'postal' | 'full'> = {
  split(v) {
    const m = /^(\d+[A-Z]?) ([^,]+), ([^,]+), ([A-Z]{2})(?: (\d{5}(?:-\d{4})?))?$/.exec(v);
    if (!m) return v === '' ? {} : { full: v };
    return { number: m[1]!, street: m[2]!, city: m[3]!, state: m[4]!, ...(m[5] ? { postal: m[5] } : {}) };
  },
  join(p) {
    if (p.full !== undefined) return p.full;
    const street = [p.number, p.street].filter((x) => x !== undefined).join(' ');
    const stateZip = [p.state, p.postal].filter((x) => x !== undefined).join(' ');
    return [street, p.city, stateZip].filter((x) => x !== undefined && x !== '').join(', ');
  },
};

const splitters = {
  version: {
    split: (v: string) => (/^\d{4}$/.test(v) ? { major: v.slice(0, 2), minor: v.slice(2) } : undefined),
    join: (p: { major?: string; minor?: string }) => `${p.major ?? ''}${p.minor ?? ''}`,
  },
  name: {
    split(v: string) {
      const comma = v.indexOf(',');
      if (comma < 0) return { surname: v };
      const rest = v.slice(comma + 1);
      const sp = rest.indexOf(' ');
      return { surname: v.slice(0, comma), given: sp < 0 ? rest : rest.slice(0, sp), ...(sp < 0 ? {} : { middle: rest.slice(sp + 1) }) };
    },
    join(p: { surname?: string; given?: string; middle?: string }) {
      const hasGiven = p.given !== undefined || p.middle !== undefined;
      return `${p.surname ?? ''}${hasGiven ? `,${p.given ?? ''}${p.middle !== undefined ? ` ${p.middle}` : ''}` : ''}`;
    },
  },
  mnu: {
    split(v: string) {
      const dash = v.indexOf('-');
      return dash < 0 ? { id: v } : { type: v.slice(0, dash), id: v.slice(dash + 1) };
    },
    join: (p: { type?: string; id?: string }) => (p.type !== undefined ? `${p.type}-${p.id ?? ''}` : (p.id ?? '')),
  },
  range3: {
    split: (v: string) => (/^\d{6}$/.test(v) ? { min: v.slice(0, 3), max: v.slice(3) } : undefined),
    join: (p: { min?: string; max?: string }) => `${p.min ?? ''}${p.max ?? ''}`,
  },
  range2: {
    split: (v: string) => (/^\d{4}$/.test(v) ? { min: v.slice(0, 2), max: v.slice(2) } : undefined),
    join: (p: { min?: string; max?: string }) => `${p.min ?? ''}${p.max ?? ''}`,
  },
  address,
  employer: {
    split(v: string) {
      const comma = v.indexOf(', ');
      return comma < 0 ? { org: v } : { org: v.slice(0, comma), ...address.split(v.slice(comma + 2)) };
    },
    join(p: { org?: string; number?: string; street?: string; city?: string; state?: string; postal?: string; full?: string }) {
      const { org, ...rest } = p;
      const addr = address.join(rest);
      return addr === '' ? (org ?? '') : `${org ?? ''}, ${addr}`;
    },
  },
  /** FBI IAFIS Type-9 positions: XXXXYYYY (9.018-9.022), XXXXYYYYTTT (9.023 MAT). */
  xy: {
    split: (v: string) => (/^\d{8}$/.test(v) ? { x: v.slice(0, 4), y: v.slice(4) } : undefined),
    join: (p: { x?: string; y?: string }) => `${p.x ?? ''}${p.y ?? ''}`,
  },
  xyt: {
    split: (v: string) => (/^\d{11}$/.test(v) ? { x: v.slice(0, 4), y: v.slice(4, 8), t: v.slice(8) } : undefined),
    join: (p: { x?: string; y?: string; t?: string }) => `${p.x ?? ''}${p.y ?? ''}${p.t ?? ''}`,
  },
  /** A 9.023 MAT ridge count: the neighbouring minutia's number (3 digits), then the count (2). */
  ridge: {
    split: (v: string) => (/^\d{5}$/.test(v) ? { ref: v.slice(0, 3), count: v.slice(3) } : undefined),
    join: (p: { ref?: string; count?: string }) => `${p.ref ?? ''}${p.count ?? ''}`,
  },
  /** The last 9.023 MAT item: one octant residual digit per octant, octants 0-7. */
  octants: {
    split: (v: string) => (/^\d{8}$/.test(v) ? Object.fromEntries([...v].map((d, i) => [`o${i}`, d])) : undefined),
    join: (p: { o0?: string; o1?: string; o2?: string; o3?: string; o4?: string; o5?: string; o6?: string; o7?: string }) =>
      [p.o0, p.o1, p.o2, p.o3, p.o4, p.o5, p.o6, p.o7].map((d) => d ?? '').join(''),
  },
  ppd: {
    split(v: string) {
      const m = /^(\d{1,2})(\D.*)$/.exec(v);
      return m ? { fgp: m[1]!, fic: m[2]! } : undefined;
    },
    join: (p: { fgp?: string; fic?: string }) => `${p.fgp ?? ''}${p.fic ?? ''}`,
  },
} satisfies Record<string, Splitter<string>>;

type Splitters = typeof splitters;
type PartsOf<S> = S extends { join(p: infer P): string } ? keyof P & string : never;
export type SplitterName = keyof Splitters;
export type SplitKey = { [K in SplitterName]: `${K}.${PartsOf<Splitters[K]>}` }[SplitterName];

export function splitterOf(key: SplitKey): { name: SplitterName; part: string } {
  const [name, part] = key.split('.') as [SplitterName, string];
  return { name, part };
}

/** The parts of a value, or undefined when it does not split. */
export function splitValue(name: SplitterName, value: string): Record<string, string> | undefined {
  return (splitters[name] as Splitter<string>).split(value) as Record<string, string> | undefined;
}

export function joinParts(name: SplitterName, parts: Record<string, string>): string {
  return (splitters[name] as Splitter<string>).join(parts);
}
