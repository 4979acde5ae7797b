// No Docker engine runs here, so the compose file's structure is what can be checked.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const compose = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8'));

describe('docker-compose.yml', () => {
  it('runs Neo4j 5.26 with a healthcheck, a volume and loopback ports', () => {
    const neo4j = compose.services.neo4j;
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(neo4j.healthcheck.test.join(' ')).toContain('cypher-shell');
    expect(neo4j.volumes).toContain('neo4j-data:/data');
    expect(neo4j.ports).toContain('127.0.0.1:7687:7687');
    expect(neo4j.environment.NEO4J_dbms_security_allow__csv__import__from__file__urls).toBe('false');
    expect(compose.volumes).toHaveProperty('neo4j-data');
  });

  it('wires the app on node:20 to Neo4j by NEO4J_URI once Neo4j is healthy', () => {
    const app = compose.services.app;
    expect(app.image).toBe('node:20');
    expect(app.environment.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(app.depends_on.neo4j.condition).toBe('service_healthy');
    expect(app.ports).toContain('127.0.0.1:3000:3000');
  });
});
