import type { Driver } from 'neo4j-driver';
import { QUERIES } from '../../cypher/queries.ts';
import type { HealthResponse } from '../../contract/api.ts';
import { readRows } from './db.ts';

interface HealthRow {
  version: string;
  edition: string;
  nodes: number;
  relationships: number;
  documents: number;
  entities: number;
}

export async function getHealth(driver: Driver, source: HealthResponse['neo4j']['source']): Promise<HealthResponse> {
  const [r] = await readRows<HealthRow>(driver, QUERIES.health, {});
  return {
    status: 'ok',
    neo4j: { version: r!.version, edition: r!.edition, source },
    counts: { nodes: r!.nodes, relationships: r!.relationships, documents: r!.documents, entities: r!.entities },
  };
}
