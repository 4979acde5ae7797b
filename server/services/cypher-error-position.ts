/**
 * Neo4j reports a console error's position in the statement it ran, and the console runs `EXPLAIN <query>` first:
 * every column on line 1 and every offset is then too far by the prefix, and the echoed query and its caret carry
 * the prefix too. This puts them back in the user's coordinates. Pure (tested without a database).
 */

/** Where an error is, in the query as sent: 1-based line and column, 0-based character offset. */
export interface ErrorPosition {
  line: number;
  column: number;
  offset: number;
}

const POSITION = /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/g;

/**
 * Removes `prefix` (a single-line string such as 'EXPLAIN ') from the positions in `message`; returns the corrected
 * message and the first position (null when the message has none).
 */
export function unprefixErrorPosition(message: string, prefix: string): { message: string; position: ErrorPosition | null } {
  if (prefix.includes('\n')) throw new Error(`unprefixErrorPosition: the prefix must be one line, got ${JSON.stringify(prefix)}`);
  const shift = prefix.length;
  let position: ErrorPosition | null = null;
  let text = message.replace(POSITION, (_all, l: string, c: string, o: string) => {
    const line = Number(l);
    const column = line === 1 ? Math.max(1, Number(c) - shift) : Number(c);
    const offset = Math.max(0, Number(o) - shift);
    position ??= { line, column, offset };
    return `(line ${line}, column ${column} (offset: ${offset}))`;
  });
  if (shift > 0) {
    // The echoed line of the query, quoted, then a caret under the error: both lose the prefix.
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const quoted = `"${prefix}`;
      if (!lines[i]!.startsWith(quoted)) continue;
      lines[i] = `"${lines[i]!.slice(quoted.length)}`;
      const caret = lines[i + 1];
      if (caret !== undefined && /^\s*\^\s*$/.test(caret)) lines[i + 1] = caret.slice(Math.min(shift, caret.indexOf('^')));
    }
    text = lines.join('\n');
  }
  return { message: text, position };
}
