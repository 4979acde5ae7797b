/** `npm run neo4j:fetch`: builds the embedded launcher and fetches Neo4j ahead of time (used by .ci/run). */
import { ensureLauncherBuilt, Neo4jSetupError } from './embedded.ts';

try {
  ensureLauncherBuilt();
  console.log('embedded-neo4j: launcher built, Neo4j jars in neo4j/target/lib');
} catch (err) {
  console.error(err instanceof Neo4jSetupError ? err.message : err);
  process.exit(1);
}
