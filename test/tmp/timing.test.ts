import request from 'supertest';
import { it } from 'vitest';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../core/config.ts';
import { testApp } from '../helpers/api.ts';
import { ingestFresh, testDriver } from '../helpers/neo4j.ts';
it('times', async () => {
  const driver = testDriver();
  await ingestFresh(driver, [join(PROJECT_ROOT, 'demo', 'corpus')]);
  const app = testApp(driver);
  for (let i = 0; i < 4; i++) {
    let t = performance.now();
    const r = await request(app).post('/api/curation').send({ action: 'merge', from: 'Method:lora', into: 'Method:lora-soup' });
    const a = performance.now() - t; t = performance.now();
    await request(app).delete(`/api/curation/${r.body.id}`);
    const b = performance.now() - t; t = performance.now();
    const r2 = await request(app).post('/api/curation').send({ action: 'rename', id: 'Method:grpo', name: 'X' + i });
    const c = performance.now() - t; t = performance.now();
    await request(app).delete(`/api/curation/${r2.body.id}`);
    console.log('merge', a.toFixed(0), 'undo', b.toFixed(0), 'rename', c.toFixed(0), 'undo', (performance.now() - t).toFixed(0));
  }
  await driver.close();
}, 120000);
