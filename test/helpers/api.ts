/** The real app on the run's Neo4j, for supertest. */
import type { Driver } from 'neo4j-driver';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { testConfigEnv } from './neo4j.ts';

export function testApp(driver: Driver, env: Record<string, string> = {}) {
  const config = loadConfig({ ...testConfigEnv(), INGEST_ON_START: 'false', LOG_LEVEL: 'silent', ...env });
  const logged: string[] = [];
  const app = createApp({ driver, config, neo4jSource: 'uri', log: (m) => void logged.push(m) });
  return Object.assign(app, { logged });
}
