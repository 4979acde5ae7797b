/**
 * What the console reads from the text being typed: which labels (or relationship types) a variable was given
 * (`(n:Lab)` → n: Lab), so `n.` completes only that label's property keys; and where a server-reported error
 * position falls in the editor. Pure string work, tested without a browser.
 */

/** Property keys per label and per relationship type, as sampled from the graph; `all` for unknown variables. */
export interface PropertySchema {
  nodeKeys: ReadonlyMap<string, readonly string[]>;
  relKeys: ReadonlyMap<string, readonly string[]>;
  all: readonly string[];
}

/** A few nodes of each label and relationships of each type, and their keys: what `n.` completes after `(n:Label)`. */
export const NODE_KEYS_QUERY = `CALL db.labels() YIELD label
CALL (label) { MATCH (n) WHERE label IN labels(n) WITH n LIMIT 50 UNWIND keys(n) AS k RETURN collect(DISTINCT k) AS keys }
RETURN label, keys`;
export const REL_KEYS_QUERY = `CALL db.relationshipTypes() YIELD relationshipType AS type
CALL (type) { MATCH ()-[r]->() WHERE type(r) = type WITH r LIMIT 50 UNWIND keys(r) AS k RETURN collect(DISTINCT k) AS keys }
RETURN type, keys`;

export interface Binding {
  kind: 'node' | 'relationship';
  /** Labels (nodes) or types (relationships) the variable was written with anywhere in the query. */
  names: string[];
}

const NAME = String.raw`(?:\`(?:[^\`]|\`\`)+\`|[A-Za-z_]\w*)`;
const unquote = (s: string) => (s.startsWith('`') ? s.slice(1, -1).replace(/``/g, '`') : s);

/** Every variable bound with labels or types in `query`: `(n:Lab:Entity)`, `[r:USES|FROM_LAB]`. */
export function variableBindings(query: string): Map<string, Binding> {
  const out = new Map<string, Binding>();
  const add = (v: string, kind: Binding['kind'], names: string[]) => {
    const key = unquote(v);
    const b = out.get(key);
    if (b) b.names = [...new Set([...b.names, ...names])];
    else out.set(key, { kind, names: [...new Set(names)] });
  };
  const node = new RegExp(String.raw`\(\s*(${NAME})\s*((?::\s*${NAME}\s*(?:[&|]\s*:?\s*${NAME}\s*)*)+)`, 'g');
  for (const m of query.matchAll(node)) add(m[1]!, 'node', [...m[2]!.matchAll(new RegExp(NAME, 'g'))].map((x) => unquote(x[0])));
  const rel = new RegExp(String.raw`\[\s*(${NAME})\s*:\s*(${NAME}(?:\s*\|\s*:?\s*${NAME})*)`, 'g');
  for (const m of query.matchAll(rel)) add(m[1]!, 'relationship', [...m[2]!.matchAll(new RegExp(NAME, 'g'))].map((x) => unquote(x[0])));
  return out;
}

/**
 * The property keys to offer after `variable.`: the keys of the labels (or types) the variable was written with,
 * or every key when the query does not say (an unlabelled variable, or labels the schema does not know).
 */
export function propertyKeysFor(variable: string, query: string, schema: PropertySchema): string[] {
  const b = variableBindings(query).get(variable);
  if (!b) return [...schema.all];
  const table = b.kind === 'node' ? schema.nodeKeys : schema.relKeys;
  const known = b.names.filter((n) => table.has(n));
  if (!known.length) return [...schema.all];
  return [...new Set(known.flatMap((n) => table.get(n)!))].sort();
}

/** The variable just before a `.` at `dotAt` (`n` for `n.` or `` `my var`. ``), or null. */
export function variableBefore(text: string, dotAt: number): string | null {
  const m = new RegExp(String.raw`(${NAME})\s*$`).exec(text.slice(0, dotAt));
  return m ? unquote(m[1]!) : null;
}

/**
 * The editor offset of an error the server reports at `offset` in the query it received: the console sends the
 * editor's text trimmed, so leading whitespace is added back; clamped into the document.
 */
export function editorOffset(doc: string, offset: number): number {
  if (!Number.isInteger(offset) || offset < 0) throw new Error(`editorOffset: offset must be an integer >= 0, got ${offset}`);
  const lead = doc.length - doc.trimStart().length;
  return Math.min(doc.length, lead + offset);
}

/** The end of the token starting at `from` (a word, or one character), for the error's underline. */
export function tokenEnd(doc: string, from: number): number {
  const m = /^(?:\w+|\S)/.exec(doc.slice(from));
  return from + (m ? m[0].length : 0);
}
