/**
 * Pandoc-flavoured markdown (what Substack and many static-site exports write) has two constructs no CommonMark
 * parser knows: fenced divs (`::: {.class attrs="…"}` … `:::`) and attribute blocks (`{#id .class key="value"}`)
 * after links, spans and headings. This pass removes both before the markdown parser runs, so neither their
 * markup nor the JSON inside their attributes reaches the text. What a div holds is decided by the rows below.
 */
export interface DivRule {
  /** Tested against the div's classes and id. */
  match: RegExp;
  /** `drop`: the div's whole content is page furniture; `footnote`: kept as text, marked as a footnote. */
  action: 'drop' | 'footnote';
  reason: string;
}

export const DIV_RULES: DivRule[] = [
  { match: /^(?:youtube|native-(?:audio|video)-embed|player|iframe|tweet|twitter-embed|instagram|spotify|apple-podcast)/, action: 'drop', reason: 'media-embed' },
  { match: /^(?:embedded-post|digest-post-embed|post-embed|embed)/, action: 'drop', reason: 'embedded-post' },
  { match: /^(?:subscription-widget|subscribe|button-wrapper|captioned-button|share|poll|paywall|install-substack)/, action: 'drop', reason: 'call-to-action' },
  { match: /^footnote$/, action: 'footnote', reason: 'footnote' },
];

const FENCE = /^(:{3,})\s*(.*?)\s*:*\s*$/;

/** `{.a .b #c key="v"}` or a bare `word` after the colons: the div's names. */
function divNames(spec: string): string[] {
  const inner = spec.startsWith('{') ? spec.slice(1, spec.lastIndexOf('}') > 0 ? spec.lastIndexOf('}') : undefined) : spec;
  const names: string[] = [];
  for (const m of inner.replace(/"(?:[^"\\]|\\.)*"/g, '""').matchAll(/(?:^|\s)[.#]?([A-Za-z][\w-]*)(?==|\s|$)/g)) {
    if (!inner.includes(`${m[1]}=`)) names.push(m[1]!);
  }
  return names;
}

/** Where an attribute block that starts at `open` (a `{`) ends, honouring quoted values; -1 if it is not one. */
export function attributeBlockEnd(s: string, open: number): number {
  const next = s[open + 1];
  if (next === undefined || !/[#.A-Za-z_-]/.test(next)) return -1;
  // `{word}` alone is prose ("{placeholder}"); an attribute block has #id, .class or key=value.
  let i = open + 1;
  let sawAttr = false;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < s.length && s[j] !== c) j += s[j] === '\\' ? 2 : 1;
      if (j >= s.length) return -1;
      i = j + 1;
      continue;
    }
    if (c === '}') return sawAttr ? i + 1 : -1;
    if (c === '\n' || c === '{') return -1;
    if (c === '#' || c === '.' || c === '=') sawAttr = true;
    i++;
  }
  return -1;
}

/** Removes `{…}` attribute blocks from one line; `[text]{…}` (a bracketed span) keeps just its text. */
export function stripAttributes(line: string): string {
  if (!line.includes('{')) return line;
  let out = '';
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '`') {
      // Code spans are left exactly as written.
      const run = /^`+/.exec(line.slice(i))![0];
      const close = line.indexOf(run, i + run.length);
      if (close < 0) {
        out += line.slice(i);
        break;
      }
      out += line.slice(i, close + run.length);
      i = close + run.length;
      continue;
    }
    if (c === '{') {
      const end = attributeBlockEnd(line, i);
      if (end > 0) {
        if (out.endsWith(']') && !out.endsWith('\\]')) {
          const openBracket = matchingBracket(out);
          if (openBracket >= 0 && out[openBracket - 1] !== '!') out = out.slice(0, openBracket) + out.slice(openBracket + 1, -1);
        }
        i = end;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}

function matchingBracket(s: string): number {
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i] === ']') depth++;
    else if (s[i] === '[') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

export interface PandocPass {
  markdown: string;
  /** Footnote bodies, in order, as markdown (they are rendered after the body). */
  footnotes: string[];
}

/**
 * Line by line: fence lines vanish, dropped divs lose their content, footnote divs are collected apart (their
 * back-link number removed), attribute blocks are stripped outside fenced code.
 */
export function pandocPass(markdown: string): PandocPass {
  const out: string[] = [];
  let fenceLine = -1;
  const footnotes: string[] = [];
  const stack: Array<{ action: DivRule['action'] | 'keep'; colons: number }> = [];
  let codeFence: string | null = null;
  let footnote: string[] | null = null;
  for (const line of markdown.split('\n')) {
    const fenceCode = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (codeFence !== null) {
      if (fenceCode && fenceCode[1]!.startsWith(codeFence) && /^\s*[`~]+\s*$/.test(line)) codeFence = null;
      if (!stack.some((d) => d.action === 'drop')) (footnote ?? out).push(line);
      continue;
    }
    if (fenceCode) {
      codeFence = fenceCode[1]!;
      fenceLine = out.length;
    }
    const fence = FENCE.exec(line);
    if (fence && !fenceCode) {
      const spec = fence[2]!;
      if (spec === '') {
        const closed = stack.pop();
        if (closed?.action === 'footnote' && footnote) {
          footnotes.push(footnote.join('\n').trim());
          footnote = null;
        }
      } else {
        const names = divNames(spec);
        const rule = DIV_RULES.find((r) => names.some((n) => r.match.test(n)));
        const inherited = stack.some((d) => d.action === 'drop') ? 'drop' : (rule?.action ?? 'keep');
        stack.push({ action: inherited, colons: fence[1]!.length });
        if (inherited === 'footnote' && !footnote) footnote = [];
      }
      out.push('');
      continue;
    }
    if (stack.some((d) => d.action === 'drop')) {
      out.push('');
      continue;
    }
    if (footnote) {
      // The footnote's own number, a link back to its anchor: "[1](#footnote-anchor-1){…}".
      const body = stripAttributes(line).replace(/^\s*\[\d+\]\(#[^)]*\)\s*/, '');
      footnote.push(body);
      continue;
    }
    out.push(stripAttributes(line));
  }
  if (footnote) footnotes.push(footnote.join('\n').trim());
  // A fence never closed is a stray closing fence of an inline "```code" run: as a fence it would turn the rest
  // of the document into code, so it is read as text.
  if (codeFence !== null && fenceLine >= 0 && !footnote) out[fenceLine] = out[fenceLine]!.replace(/^(\s*)([`~])/, '$1\\$2');
  return { markdown: out.join('\n'), footnotes: footnotes.filter(Boolean) };
}
