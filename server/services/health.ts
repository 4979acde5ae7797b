import type { Driver } from 'neo4j-driver';
import { QUERIES } from '../../cypher/queries.ts';
import type { HealthResponse } from '../../contract/api.ts';

export async function getHealth(driver: Driver, source: HealthResponse['neo4j']['source']): Promise<HealthResponse> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    const res = await session.executeRead((tx) => tx.run(QUERIES.health));
    const r = res.records[0]!;
    return {
      status: 'ok',
      neo4j: { version: r.get('version') as string, edition: r.get('edition') as string, source },
      counts: {
        nodes: r.get('nodes') as number,
        relationships: r.get('relationships') as number,
        documents: r.get('documents') as number,
        entities: r.get('entities') as number,
      },
    };
  } finally {
    await session.close();
  }
}
