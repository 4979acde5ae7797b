import { readFile } from 'node:fs/promises';

/**
 * Evaluation helpers kept apart from the extractor: their own name folding and their own reading
 * of the potw tables, so a bug in the extractor cannot grade itself.
 */
export interface GoldEntity {
  name: string;
  type: string;
  aliases: string[];
}

export interface GoldRelation {
  source: string;
  type: string;
  target: string;
}

export interface GoldFile {
  entities: GoldEntity[];
  relations: GoldRelation[];
}

export async function loadGold(path: string): Promise<Record<string, GoldFile>> {
  const data = JSON.parse(await readFile(path, 'utf8')) as { files?: Record<string, GoldFile> };
  if (!data.files || typeof data.files !== 'object') throw new Error(`gold file ${path} has no "files" object`);
  return data.files;
}

/** Case, accent and punctuation-insensitive comparison key. */
export function fold(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * Gold paper titles of a potw issue: one per table row, the first cell after "N) ", either the
 * bold span or the text up to the first description boundary (double space or " - ").
 */
export function potwTitles(markdown: string): string[] {
  const titles: string[] = [];
  for (const line of markdown.split('\n')) {
    const row = /^\|\s*\d+\)\s*(.*)$/.exec(line);
    if (!row) continue;
    const cell = row[1]!.split('|')[0]!;
    let title: string;
    const bold = /^\s*\*\*(.+?)\*\*/.exec(cell);
    if (bold) title = bold[1]!;
    else {
      const cuts = ['  ', ' - ', ' – ', ' — ', ' This paper ', ' This work ', ' The paper '].map((d) => cell.indexOf(d)).filter((i) => i > 0);
      title = cuts.length > 0 ? cell.slice(0, Math.min(...cuts)) : cell;
    }
    title = title.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\\(.)/g, '$1').trim().replace(/[.:;,]+$/, '');
    if (title) titles.push(title);
  }
  return titles;
}
