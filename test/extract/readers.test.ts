import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../ingest/model.ts';
import { type ReadOutcome, readInputs } from '../../ingest/readers/index.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');

async function collect(inputs: string[], opts?: { maxBytes?: number }): Promise<ReadOutcome[]> {
  const out: ReadOutcome[] = [];
  for await (const o of readInputs(inputs, opts)) out.push(o);
  return out;
}

const docs = (outs: ReadOutcome[]): DocumentRecord[] => outs.flatMap((o) => (o.kind === 'document' ? [o.doc] : []));
const skips = (outs: ReadOutcome[]) => outs.flatMap((o) => (o.kind === 'skipped' ? [o] : []));

describe('text and markdown', () => {
  it('reads front matter and renders markdown as plain text', async () => {
    const [doc] = docs(await collect([join(FIXTURES, 'issue-front-matter.md')]));
    expect(doc).toMatchObject({ title: 'Tiny Models, Big Tables', publication: 'The Fixture Weekly', issue: '7', date: '2025-02-14', url: 'https://example.org/fixture-weekly/7' });
    expect(doc!.text).toContain('a link to a paper and inline code.');
    expect(doc!.text).not.toContain('arxiv.org');
    expect(doc!.text).toContain('• first bullet about GRPO');
    expect(doc!.text).toContain('second bullet\nwith a forced break');
    // A bold row title becomes its own line; a plain one keeps its double-space boundary.
    expect(doc!.text).toContain('1) Pocket Transformers: Small Is Enough\na compact model family.');
    expect(doc!.text).toContain('2) Table Reasoners  This work studies reasoning over tables.');
    expect(doc!.text).not.toMatch(/\*\*|\|/);
    expect(doc!.wordCount).toBeGreaterThan(10);
    expect(doc!.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('infers metadata from the text when there is no front matter', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'readers-'));
    await writeFile(join(dir, 'a.txt'), 'Ten Tricks for Tiny Models - 📚 The Example Letter Edition #12\nBody text here.\n');
    await writeFile(join(dir, 'b.txt'), 'Example Cast: The Example Podcast - Talking Tokens with Someone\nEpisode Date: July 3, 2025\nHello.\n');
    await writeFile(join(dir, '2025-05-06-notes.txt'), 'Plain Notes\nWelcome, reader! This week in Model Mondays: things.\n');
    const [notes, a, b] = docs(await collect([dir]));
    expect(a).toMatchObject({ title: 'Ten Tricks for Tiny Models', publication: 'The Example Letter', issue: '12' });
    expect(b).toMatchObject({ publication: 'Example Cast', title: 'Talking Tokens with Someone', date: '2025-07-03' });
    expect(notes).toMatchObject({ publication: 'Model Mondays', date: '2025-05-06', title: 'Plain Notes' });
  });

  it('gives the same issue the same id wherever the file lives', async () => {
    const one = await mkdtemp(join(tmpdir(), 'readers-'));
    const two = await mkdtemp(join(tmpdir(), 'readers-'));
    const body = 'Ten Tricks for Tiny Models - The Example Letter Edition #12\nBody.\n';
    await writeFile(join(one, 'x.txt'), body);
    await writeFile(join(two, 'renamed.txt'), body);
    const [a] = docs(await collect([one]));
    const [b] = docs(await collect([two]));
    expect(a!.id).toBe(b!.id);
    expect(a!.id).toMatch(/^[0-9a-f]{16}$/);
    expect(a!.path).not.toBe(b!.path);
  });

  it('yields a folder in sorted order and ignores unsupported files inside it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'readers-'));
    for (const name of ['b.md', 'a.txt', 'c.html', 'skip.pdf']) await writeFile(join(dir, name), name.endsWith('.html') ? '<p>hi there</p>' : `Title ${name}\ntext`);
    const outs = await collect([dir]);
    expect(docs(outs).map((d) => d.path.split('/').pop())).toEqual(['a.txt', 'b.md', 'c.html']);
    expect(skips(outs)).toEqual([]);
  });
});

describe('html', () => {
  it('drops script and style and breaks lines at blocks', async () => {
    const [doc] = docs(await collect([join(FIXTURES, 'page.html')]));
    expect(doc!.title).toBe('Fixture Page Title');
    expect(doc!.text).not.toContain('do not index');
    expect(doc!.text).not.toContain('color: red');
    expect(doc!.text).toContain('Main Heading\n');
    expect(doc!.text).toMatch(/Second block\n+after a break/);
  });

  it('survives very deep nesting', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'readers-'));
    const depth = 100_000;
    await writeFile(join(dir, 'deep.html'), `${'<div>'.repeat(depth)}deep text${'</div>'.repeat(depth)}`);
    const [doc] = docs(await collect([dir]));
    expect(doc!.text).toBe('deep text');
  });
});

describe('feeds', () => {
  it('reads RSS items and reports a broken item without losing the others', async () => {
    const outs = await collect([join(FIXTURES, 'feed.rss')]);
    expect(docs(outs).map((d) => d.title)).toEqual(['First Post', 'Third Post']);
    expect(docs(outs)[0]).toMatchObject({ publication: 'Fixture Feed', url: 'https://example.org/1', date: '2025-03-03' });
    expect(docs(outs)[0]!.text).toContain('Anthropic released a model.');
    expect(skips(outs)).toHaveLength(1);
    expect(skips(outs)[0]!.reason).toMatch(/neither title nor content/);
  });

  it('reads Atom entries', async () => {
    const [doc] = docs(await collect([join(FIXTURES, 'feed.atom')]));
    expect(doc).toMatchObject({ title: 'Atom Entry', publication: 'Fixture Atom', url: 'https://example.org/a', date: '2025-04-01' });
    expect(doc!.text).toContain('Google DeepMind shipped a benchmark.');
  });

  describe('over http', () => {
    let server: Server;
    let base = '';
    beforeAll(async () => {
      const { readFile } = await import('node:fs/promises');
      const rss = await readFile(join(FIXTURES, 'feed.rss'));
      server = createServer((req, res) => {
        if (req.url === '/feed.xml') {
          res.writeHead(200, { 'content-type': 'application/rss+xml' });
          res.end(rss);
        } else {
          res.writeHead(404);
          res.end();
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('fetches a feed URL', async () => {
      const outs = await collect([`${base}/feed.xml`]);
      expect(docs(outs).map((d) => d.title)).toEqual(['First Post', 'Third Post']);
      expect(docs(outs)[0]!.path).toBe(`${base}/feed.xml#item-1`);
    });

    it('skips a URL that fails', async () => {
      const outs = await collect([`${base}/missing.xml`]);
      expect(skips(outs)[0]!.reason).toMatch(/HTTP 404/);
    });
  });
});

describe('bad inputs are skipped with a reason', () => {
  it.each([
    ['empty.txt', Buffer.alloc(0), /empty/],
    ['blank.txt', Buffer.from('   \n\n  '), /empty/],
    ['binary.txt', Buffer.from([0x48, 0x00, 0x49]), /binary/],
    ['latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9]), /invalid UTF-8/],
    ['broken.xml', Buffer.from('<rss><channel><item></rss>'), /invalid XML/],
  ])('%s', async (name, bytes, reason) => {
    const dir = await mkdtemp(join(tmpdir(), 'readers-'));
    await writeFile(join(dir, name), bytes);
    const outs = await collect([join(dir, name)]);
    expect(outs).toHaveLength(1);
    expect(outs[0]).toMatchObject({ kind: 'skipped' });
    expect((outs[0] as { reason: string }).reason).toMatch(reason);
  });

  it('oversize files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'readers-'));
    await writeFile(join(dir, 'big.txt'), 'word '.repeat(100));
    const outs = await collect([join(dir, 'big.txt')], { maxBytes: 100 });
    expect(skips(outs)[0]!.reason).toMatch(/too large/);
  });

  it('broken front matter costs a warning, never the body', async () => {
    const outs = await collect([join(FIXTURES, 'broken-front-matter.md')]);
    expect(skips(outs)).toEqual([]);
    const [doc] = docs(outs);
    expect(doc!.text).toBe('Body text that is read all the same.');
    expect(doc!.warnings).toEqual([expect.stringMatching(/^front matter is not valid YAML \(.+\); read leniently$/)]);
  });

  it('missing paths and unsupported types', async () => {
    const outs = await collect(['/no/such/file.txt', join(FIXTURES, '../extract/helpers.ts')]);
    expect(skips(outs).map((s) => s.reason)).toEqual([expect.stringMatching(/unreadable: ENOENT/), expect.stringMatching(/unsupported file type/)]);
  });

  it('rejects a nonsensical maxBytes', async () => {
    await expect(collect([FIXTURES], { maxBytes: -1 })).rejects.toThrow(/maxBytes must be a positive number, got -1/);
  });
});
