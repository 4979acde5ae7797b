import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countInputFiles } from '../../ingest/readers/index.ts';

describe('countInputFiles (the ingest progress ETA)', () => {
  it('counts supported files in folders, named files, and skips URLs and missing paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nlkg-count-'));
    mkdirSync(join(dir, 'nested'));
    for (const f of ['a.md', 'b.txt', 'nested/c.html', 'notes.pdf']) writeFileSync(join(dir, f), 'x');
    const single = join(dir, 'b.txt');
    expect(await countInputFiles([dir, single, 'https://example.com/feed.xml', join(dir, 'missing')])).toBe(4);
  });
});
