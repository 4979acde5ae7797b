/**
 * The layers hold (eslint.config.js, import-x/no-restricted-paths): a wrong-way import fails `npm run lint`, and the
 * tree as it is passes. The probes are linted as virtual files inside each layer (ESLint's Node API, nothing written).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/config.ts';

const eslint = new ESLint({ cwd: PROJECT_ROOT });

async function lintProbe(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(PROJECT_ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message);
}

describe('layer boundaries (npm run lint)', () => {
  it('npm run lint is ESLint over the whole tree', () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.lint).toBe('eslint .');
  });

  const wrongWay: Array<[string, string]> = [
    ['client/src/probe.ts', "import { ingestInputs } from '../../ingest/pipeline.ts';"],
    ['client/src/ui/probe.ts', "import { createApp } from '../../../server/app.ts';"],
    ['client/src/probe.ts', "import { QUERIES } from '../../cypher/queries.ts';"],
    ['server/probe.ts', "import { writeDocument } from '../ingest/write.ts';"],
    ['server/services/probe.ts', "import { connectNeo4j } from '../../neo4j/connect.ts';"],
    ['server/probe.ts', "import { startServer } from '../app/start.ts';"],
    ['cypher/probe.ts', "import { createApp } from '../server/app.ts';"],
    ['cypher/probe.ts', "import type { DocumentRecord } from '../ingest/model.ts';"],
    ['contract/probe.ts', "import { QUERIES } from '../cypher/queries.ts';"],
    ['core/probe.ts', "import { EntityTypeEnum } from '../contract/api.ts';"],
    ['neo4j/probe.ts', "import { applySchema } from '../cypher/apply-schema.ts';"],
    ['ingest/probe.ts', "export const load = () => import('../server/app.ts');"],
    ['ingest/probe.ts', "export { freePort } from '../neo4j/embedded.ts';"],
  ];
  it.each(wrongWay)('%s: %s fails', async (file, source) => {
    const messages = await lintProbe(file, `${source}\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/may import (only|nothing)/);
  });

  const rightWay: Array<[string, string]> = [
    ['client/src/probe.ts', "import { EDGE_TYPES } from '../../core/vocabulary.ts';\nimport type { NodeData } from '../../contract/api.ts';\nimport cytoscape from 'cytoscape';"],
    ['server/probe.ts', "import { QUERIES } from '../cypher/queries.ts';\nimport { read } from '../core/db.ts';"],
    ['ingest/probe.ts', "import { INGEST } from '../cypher/ingest.ts';\nimport { write } from '../core/db.ts';"],
    ['app/probe.ts', "import { ingestInputs } from '../ingest/pipeline.ts';\nimport { createApp } from '../server/app.ts';\nimport { connectNeo4j } from '../neo4j/connect.ts';"],
  ];
  it.each(rightWay)('%s: allowed imports pass', async (file, source) => {
    expect(await lintProbe(file, `${source}\nexport {};\n`)).toEqual([]);
  });

  it('the tree passes', async () => {
    const results = await eslint.lintFiles(['.']);
    const problems = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath}:${m.line} ${m.ruleId}: ${m.message}`));
    expect(problems).toEqual([]);
  }, 120_000);
});
