import { HEADING_BODY, HEADING_LINE, HEADING_TITLE, NON_PAPER_SECTION, PAPER_LINE_RULES, PAPER_SECTION, TITLE_PREFIX } from '../rules/papers.ts';
import { isCoined } from './candidates.ts';
import type { Span } from './segment.ts';

export interface PaperLine {
  line: number;
  title: Span;
  reason: string;
  author?: Span;
  prefix?: Span;
  /** A newsletter headline ("... (paper)") whose next line cites the same paper. */
  headline: boolean;
}

/** A paper's title line plus the paragraph lines describing it. */
export interface PaperSection {
  paper: PaperLine;
  /** Extra title lines naming the same paper (headline + citation line). */
  alsoTitled: PaperLine[];
  start: number;
  end: number;
  bodyStart: number;
}

const group = (line: Span, m: RegExpExecArray, name: string): Span | undefined => {
  const at = m.indices?.groups?.[name];
  if (!at) return undefined;
  return { start: line.start + at[0], end: line.start + at[1], text: line.text.slice(at[0], at[1]) };
};

/** Paper titles are headline-cased: most longer words start with a capital or a digit. */
function looksLikeTitle(title: string): boolean {
  const words = title.split(/\s+/).filter((w) => w.replace(/[^\p{L}]/gu, '').length >= 4);
  if (words.length === 0) return /\p{Lu}/u.test(title);
  const capped = words.filter((w) => /^["“(]?[\p{Lu}\p{N}]/u.test(w)).length;
  return capped / words.length >= 0.5 && !/https?:\/\//.test(title);
}

const compiled = PAPER_LINE_RULES.map((rule) => ({ ...rule, re: new RegExp(rule.pattern.source, `${rule.pattern.flags.replace('g', '')}d`) }));

export function findPaperLines(lines: Span[]): PaperLine[] {
  const out: PaperLine[] = [];
  let mode: 'papers' | 'other' | 'none' = 'none';
  /** Inside a list that opens right under a papers heading, every item so far a paper. */
  let listRun = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text.trim();
    if (!text) continue;
    const wasRun = listRun;
    listRun = false;
    if (NON_PAPER_SECTION.test(text)) mode = 'other';
    else if (PAPER_SECTION.test(text)) {
      mode = 'papers';
      listRun = true;
      continue;
    }
    let nextText = '';
    for (let j = i + 1; j < lines.length && !nextText; j++) nextText = lines[j]!.text.trim();
    for (const rule of compiled) {
      if (rule.papersOnly && mode === 'other') continue;
      if (rule.listRun && !wasRun) continue;
      if (rule.next && !rule.next.test(nextText)) continue;
      const m = rule.re.exec(line.text);
      if (!m) continue;
      const title = group(line, m, 'title');
      if (!title) continue;
      const trimmed = title.text.replace(/\s+$/, '');
      title.end = title.start + trimmed.length;
      title.text = trimmed;
      if (rule.reason !== 'numbered-row-title' && !looksLikeTitle(title.text)) continue;
      if (title.text.split(/\s+/).length > 30) continue;
      const prefixMatch = TITLE_PREFIX.exec(title.text);
      const prefix = prefixMatch?.groups?.name
        ? { start: title.start, end: title.start + prefixMatch.groups.name.length, text: prefixMatch.groups.name }
        : undefined;
      // Outside a papers section a "Heading: subtitle" line is a paper only when a coined name heads it.
      if (rule.papersOnly && mode !== 'papers' && !(prefix && isCoined(prefix.text))) continue;
      out.push({ line: i, title, reason: rule.reason, author: group(line, m, 'author'), prefix, headline: rule.reason === 'paper-kind-headline' });
      listRun = Boolean(rule.listRun);
      break;
    }
    if (mode === 'papers' && out[out.length - 1]?.line !== i && !PAPER_SECTION.test(text) && HEADING_BODY.test(nextText)) {
      const m = HEADING_TITLE.exec(line.text);
      const title = m ? group(line, m, 'title') : undefined;
      if (title && looksLikeTitle(title.text) && /\p{Ll}/u.test(title.text)) {
        const prefixMatch = TITLE_PREFIX.exec(title.text);
        const prefix = prefixMatch?.groups?.name ? { start: title.start, end: title.start + prefixMatch.groups.name.length, text: prefixMatch.groups.name } : undefined;
        out.push({ line: i, title, reason: 'heading-before-paragraph', prefix, headline: false });
      }
    }
  }
  return out;
}

/** Sections run from a title line to the next title line or the next heading after the paragraph. */
export function paperSections(lines: Span[], papers: PaperLine[]): PaperSection[] {
  const sections: PaperSection[] = [];
  for (let k = 0; k < papers.length; k++) {
    const paper = papers[k]!;
    const alsoTitled: PaperLine[] = [];
    let next = papers[k + 1];
    if (paper.headline && next && next.line === nextNonEmpty(lines, paper.line)) {
      alsoTitled.push(next);
      k++;
      next = papers[k + 1];
    }
    const lastTitleLine = alsoTitled[0]?.line ?? paper.line;
    let endLine = next ? next.line - 1 : lines.length - 1;
    let sawBody = false;
    for (let i = lastTitleLine + 1; i <= endLine; i++) {
      const t = lines[i]!.text.trim();
      if (!t) continue;
      if (sawBody && HEADING_LINE.test(t) && !/^[•●▪◦*-]/.test(t)) {
        endLine = i - 1;
        break;
      }
      sawBody = true;
    }
    const startLine = lines[paper.line]!;
    sections.push({
      paper,
      alsoTitled,
      start: startLine.start,
      end: lines[Math.max(endLine, lastTitleLine)]!.end,
      bodyStart: lines[lastTitleLine]!.start,
    });
  }
  return sections;
}

function nextNonEmpty(lines: Span[], from: number): number {
  for (let i = from + 1; i < lines.length; i++) if (lines[i]!.text.trim()) return i;
  return -1;
}
