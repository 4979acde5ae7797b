/**
 * The Cypher console's first line of defence: a cheap lexical check run before the query ever reaches Neo4j.
 * It is deliberately conservative (a rare false refusal is fine) and it is NOT the guarantee — the query is
 * also EXPLAINed (only queryType 'r' runs) and run in a READ transaction (server/services/cypher-console.ts).
 *
 * Comments and string literals are blanked first so that `/*x*\/CREATE` is caught and `'CREATE'` is not;
 * backtick-quoted names become underscores, so `` CALL `dbms`.x() `` is refused as an unknown procedure.
 */

/** Procedures the console may CALL: read-only introspection and the full-text search. */
const CONSOLE_PROCEDURES = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.index.fulltext.queryNodes',
] as const;
const ALLOWED_PROCEDURES = new Set(CONSOLE_PROCEDURES.map((p) => p.toLowerCase()));

/** Single words that start a write, schema, admin or cross-database clause. */
const FORBIDDEN_WORDS = new Set([
  'CREATE',
  'MERGE',
  'SET',
  'DELETE',
  'REMOVE',
  'DROP',
  'FOREACH',
  'USE',
  'SHOW',
  'TERMINATE',
  'GRANT',
  'REVOKE',
  'DENY',
  'ALTER',
  'RENAME',
]);

export type ConsoleCheck =
  | { ok: true; query: string }
  | { ok: false; status: 400 | 403; code: 'forbidden_clause' | 'multiple_statements' | 'unsupported' | 'too_complex'; message: string };

/**
 * Neo4j 5.26's parser recurses on nesting and on operator chains: past roughly 300 nested brackets or ~1800 chained
 * ORs its stack overflows and the query never answers (no error, no transaction timeout; the Bolt connection hangs
 * for minutes). Real console queries stay far below these bounds, so beyond them the query is refused up front.
 */
const MAX_NESTING = 100;
const MAX_OPERATORS = 1000;

/** Deepest bracket nesting and number of operators in already-stripped code. */
function complexity(code: string): { depth: number; operators: number } {
  let depth = 0;
  let max = 0;
  for (const c of code) {
    if (c === '(' || c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  const symbols = code.match(/[-+*/%^=<>!|]+/g)?.length ?? 0;
  const keywords = code.match(/\b(?:AND|OR|XOR|NOT|IS|IN|STARTS|ENDS|CONTAINS)\b/gi)?.length ?? 0;
  // Property access chains (m.a.a.a…) recurse too.
  const dots = code.match(/\.\s*[A-Za-z_]/g)?.length ?? 0;
  return { depth: max, operators: symbols + keywords + dots };
}

/**
 * Blanks comments and string literals and turns `quoted` names into underscores, all length-preserving so
 * that an index into the result is an index into the query.
 */
export function stripCypher(query: string): string {
  let out = '';
  let i = 0;
  const n = query.length;
  while (i < n) {
    const c = query[i]!;
    const next = query[i + 1];
    if (c === '/' && next === '/') {
      const end = query.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      // Keep newlines so that a comment still separates words ("MATCH/**/(n)") and positions stay readable.
      out += query.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < n && query[j] !== c) j += query[j] === '\\' ? 2 : 1;
      const stop = Math.min(n, j + 1);
      out += `${c}${' '.repeat(Math.max(0, stop - i - 2))}${stop - i >= 2 ? c : ''}`;
      i = stop;
    } else if (c === '`') {
      let j = i + 1;
      // A doubled backtick is an escaped backtick inside the name.
      while (j < n && !(query[j] === '`' && query[j + 1] !== '`')) j += query[j] === '`' ? 2 : 1;
      const stop = Math.min(n, j + 1);
      out += '_'.repeat(stop - i);
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

interface Word {
  word: string;
  upper: string;
  before: string;
  after: string;
  index: number;
}

function words(code: string): Word[] {
  const list: Word[] = [];
  for (const m of code.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
    const index = m.index;
    const before = code.slice(0, index).trimEnd().slice(-1);
    const after = code.slice(index + m[0].length).trimStart();
    list.push({ word: m[0], upper: m[0].toUpperCase(), before, after, index });
  }
  return list;
}

const refuse = (message: string): ConsoleCheck => ({ ok: false, status: 403, code: 'forbidden_clause', message });

/** Returns the query to run (a single trailing `;` dropped) or why it is refused. */
export function checkConsoleQuery(query: string): ConsoleCheck {
  const code = stripCypher(query);
  const trailing = /;\s*$/.exec(code);
  const body = trailing ? code.slice(0, trailing.index) : code;
  if (body.includes(';')) {
    return { ok: false, status: 400, code: 'multiple_statements', message: 'Only one statement per request: remove the ";" between statements' };
  }
  const { depth, operators } = complexity(body);
  if (depth > MAX_NESTING || operators > MAX_OPERATORS) {
    return {
      ok: false,
      status: 400,
      code: 'too_complex',
      message: `Query too complex for the console: ${depth > MAX_NESTING ? `${depth} levels of nesting (at most ${MAX_NESTING})` : `${operators} operators (at most ${MAX_OPERATORS})`}`,
    };
  }
  const list = words(body);
  const first = list[0]?.upper;
  if (first === 'EXPLAIN' || first === 'PROFILE') {
    return { ok: false, status: 400, code: 'unsupported', message: `${first} is not supported in the console: send the query itself` };
  }
  for (let k = 0; k < list.length; k++) {
    const w = list[k]!;
    const nextWord = list[k + 1]?.upper;
    // Property keys (n.set), parameters ($create), labels (:Create) and map keys ({delete: 1}) are not clauses.
    const isName = w.before === '.' || w.before === '$' || w.before === ':' || w.after.startsWith(':');
    if (w.upper === 'DBMS' && w.after.startsWith('.')) return refuse('dbms.* procedures and functions are not allowed in the console');
    if (isName) continue;
    if (FORBIDDEN_WORDS.has(w.upper)) return refuse(`${w.upper} is not allowed: the console is read-only`);
    if (w.upper === 'LOAD' && nextWord === 'CSV') return refuse('LOAD CSV is not allowed: the console cannot read files or URLs');
    if (w.upper === 'IN' && nextWord === 'TRANSACTIONS') return refuse('IN TRANSACTIONS is not allowed in the console');
    if ((w.upper === 'START' || w.upper === 'STOP') && nextWord === 'DATABASE') return refuse(`${w.upper} DATABASE is not allowed`);
    if (w.upper === 'CALL') {
      // CALL { ... } and CALL (x) { ... } are subqueries, whose words are checked like the rest.
      if (w.after.startsWith('{') || w.after.startsWith('(')) continue;
      const name = /^[A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_]\w*)*/.exec(w.after)?.[0]?.replace(/\s+/g, '') ?? w.after.slice(0, 40);
      if (!ALLOWED_PROCEDURES.has(name.toLowerCase())) {
        return refuse(`CALL ${name || '(procedure)'} is not allowed: the console may only call ${CONSOLE_PROCEDURES.join(', ')}`);
      }
    }
  }
  return { ok: true, query: (trailing ? query.slice(0, trailing.index) : query).trim() };
}
