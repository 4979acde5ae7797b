/**
 * Broken and hostile files in one folder next to good ones: each bad file is reported with its reason (or, for the
 * ones that are valid but extreme, ingested in bounded time and memory), and every good file is still ingested.
 * Decision for oversize files: the reader checks the size with stat() BEFORE reading, so a 50 MB file is skipped
 * ("file too large") by the 20 MB default limit and never lands in memory.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestInputs, type IngestSummary } from '../../ingest/pipeline.ts';
import { DEFAULT_MAX_BYTES } from '../../ingest/readers/decode.ts';
import { testDriver, wipe } from '../helpers/neo4j.ts';
import { reportFigures } from './support.ts';

let driver: Driver;
let dir: string;

// A real collection before each heap reading, so garbage left by extraction is not counted as "held".
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const GOOD_TEXT = (n: number) =>
  `Issue ${n}. Acme Labs introduced FooPO, a new method that improves on GRPO.\n\nFooPO was evaluated on MathBench by Jane Doe, and OpenAI uses GRPO to train Model X.\n`;

/** file name → what must happen to it: a skip reason (regex) or 'ingested'. */
const EXPECT: Record<string, RegExp | 'ingested'> = {};

function write(name: string, content: string | Buffer, expectation: RegExp | 'ingested'): void {
  writeFileSync(join(dir, name), content);
  EXPECT[name] = expectation;
}

beforeAll(async () => {
  driver = testDriver();
  await wipe(driver);
  dir = mkdtempSync(join(tmpdir(), 'nlkg-badfiles-'));
  write('good-1.txt', GOOD_TEXT(1), 'ingested');
  write('good-2.md', `---\ntitle: Good two\ndate: 2025-03-01\npublication: Test Letter\n---\n\n# Good two\n\n${GOOD_TEXT(2)}`, 'ingested');
  write('good-3.html', `<html><head><title>Good three</title></head><body><p>${GOOD_TEXT(3)}</p></body></html>`, 'ingested');
  write('empty.txt', '', /empty/);
  write('whitespace.md', ' \n\t\n  ', /empty|no text/);
  write('binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]), /binary/);
  write('invalid-utf8.txt', Buffer.concat([Buffer.from('Acme Labs and '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff]), Buffer.from(' GRPO.')]), /UTF-8/);
  write('lone-surrogate.md', Buffer.concat([Buffer.from('# T\n\nText '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(' more.')]), /UTF-8/);
  // A bad header never costs the body: ingested, with a warning (checked below).
  write('broken-front-matter.md', '---\ntitle: [unclosed\ndate: : :\n---\n\nBody text about GRPO.\n', 'ingested');
  write('front-matter-not-a-map.md', '---\n- just\n- a list\n---\n\nBody text about GRPO.\n', 'ingested');
  write('unterminated-front-matter.md', '---\ntitle: x\n\nno closing fence, text about GRPO.\n', /front matter|ingested/);
  write('only-markup.html', '<html><body><script>alert(1)</script><style>p{}</style></body></html>', /no text/);
  write('nested-100k.html', `<html><body>${'<div>'.repeat(100_000)}Deep text: Acme Labs introduced FooPO.${'</div>'.repeat(100_000)}</body></html>`, 'ingested');
  write('unclosed-100k.html', `<html><body>${'<div><span>'.repeat(50_000)}Unclosed text about GRPO and MathBench.`, 'ingested');
  write(
    'broken-items.xml',
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>
      <item><title>Good item</title><link>https://example.test/1</link><description>Acme Labs introduced FooPO on MathBench.</description></item>
      <item><title>No content here</title></item>
      <item></item>
      <item><title>Second good item</title><description><![CDATA[<p>OpenAI uses <b>GRPO</b> to train Model X.</p>]]></description></item>
    </channel></rss>`,
    'ingested',
  );
  write('invalid.xml', '<rss><channel><item><title>x</title></channel>', /invalid XML/);
  write('not-a-feed.xml', '<?xml version="1.0"?><note><to>x</to></note>', /not an RSS or Atom feed/);
  write('empty-feed.rss', '<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title></channel></rss>', /no items/);
  write(
    'billion-laughs.xml',
    `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>
     <rss version="2.0"><channel><title>Laughs</title><item><title>Boom</title><description>&lol9;</description></item></channel></rss>`,
    /./,
  );
  // 50 MB of plausible text, written in chunks (never held in memory here either).
  const big = openSync(join(dir, 'huge-50mb.txt'), 'w');
  const chunk = Buffer.from(GOOD_TEXT(0).repeat(2000));
  for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) writeSync(big, chunk);
  closeSync(big);
  EXPECT['huge-50mb.txt'] = /file too large/;
});

afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await driver?.close();
});

describe('bad files through the ingest pipeline', () => {
  let summary: IngestSummary;

  it('reports each bad file with its reason and ingests the rest, in bounded time and memory', async () => {
    // Warm up first: the word lists and caches extraction builds on first use are not the big file.
    const warm = mkdtempSync(join(tmpdir(), 'kg-warm-'));
    writeFileSync(join(warm, 'warm.txt'), GOOD_TEXT(0));
    await ingestInputs(driver, [warm]);
    rmSync(warm, { recursive: true, force: true });
    await wipe(driver);
    collect();
    const heapBefore = process.memoryUsage().heapUsed;
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const started = performance.now();
    try {
      summary = await ingestInputs(driver, [dir]);
    } finally {
      clearInterval(sampler);
    }
    const ms = performance.now() - started;
    collect();
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;

    const byFile = new Map<string, string[]>();
    for (const s of summary.skipped) {
      const name = s.path.slice(dir.length + 1).split('#')[0]!;
      byFile.set(name, [...(byFile.get(name) ?? []), s.reason]);
    }
    const docs = (await driver.executeQuery('MATCH (d:Document) RETURN d.path AS path, d.title AS title, size(d.text) AS chars')).records.map((r) => ({
      path: String(r.get('path')).slice(dir.length + 1).split('#')[0]!,
      title: r.get('title') as string,
      chars: Number(r.get('chars')),
    }));
    const ingested = new Set(docs.map((d) => d.path));

    const wrong: string[] = [];
    for (const [name, expectation] of Object.entries(EXPECT)) {
      const reasons = byFile.get(name) ?? [];
      if (expectation === 'ingested') {
        if (!ingested.has(name)) wrong.push(`${name}: not ingested (${reasons.join('; ') || 'no reason'})`);
      } else if (!reasons.some((r) => expectation.test(r)) && !(expectation.test('ingested') && ingested.has(name))) {
        wrong.push(`${name}: expected a skip matching ${expectation}, got ${reasons.join('; ') || (ingested.has(name) ? 'ingested' : 'nothing')}`);
      }
    }
    const warned = summary.warnings.filter((w) => /front matter/.test(w.reason)).map((w) => w.path.slice(dir.length + 1)).sort();
    expect(warned).toEqual(['broken-front-matter.md', 'front-matter-not-a-map.md']);
    // The feed: two good items in, the two broken ones reported one by one.
    const feedItems = docs.filter((d) => d.path === 'broken-items.xml').map((d) => d.title).sort();
    const feedSkips = byFile.get('broken-items.xml') ?? [];
    // XML entities are not expanded: the "billion laughs" item stays a few bytes long.
    const laughs = {
      skipped: byFile.get('billion-laughs.xml') ?? [],
      ingestedChars: docs.filter((d) => d.path === 'billion-laughs.xml').reduce((n, d) => n + d.chars, 0),
    };
    const bad = Object.values(EXPECT).filter((e) => e !== 'ingested').length;
    const handled = bad - wrong.filter((w) => !/not ingested/.test(w)).length;

    reportFigures(
      'bad-files',
      `bad files: ${bad} bad/extreme files tried, ${handled} handled with a reason; ${docs.length} documents ingested from ${Object.values(EXPECT).filter((e) => e === 'ingested').length} good files ` +
        `(feed: ${feedItems.length} good items in, ${feedSkips.length} broken items reported); ${(ms / 1000).toFixed(1)} s, heap +${Math.round(heapGrowth / 1048576)} MB, peak RSS ${Math.round(peakRss / 1048576)} MB`,
      {
        tried: bad,
        handled,
        documentsIngested: docs.length,
        skipped: summary.skipped.map((s) => ({ file: s.path.slice(dir.length + 1), reason: s.reason })),
        failed: summary.failed,
        billionLaughs: laughs,
        ms: Math.round(ms),
        heapGrowthMb: Math.round(heapGrowth / 1048576),
        peakRssMb: Math.round(peakRss / 1048576),
        maxBytes: DEFAULT_MAX_BYTES,
      },
    );
    expect(wrong).toEqual([]);
    expect(summary.failed).toEqual([]);
    expect(feedItems).toEqual(['Good item', 'Second good item']);
    expect(feedSkips).toHaveLength(2);
    expect(laughs.ingestedChars).toBeLessThan(10_000);
    expect(feedSkips.join(' ')).toMatch(/no content/);
    // Never read: the 50 MB file must not show up in the heap.
    expect(heapGrowth).toBeLessThan(40 * 1024 * 1024);
    expect(ms).toBeLessThan(60_000);
  }, 120_000);
});
