/**
 * Starts the embedded Neo4j 5.26 (neo4j/src/main/java) as a child JVM with Bolt on 127.0.0.1.
 * Used when NEO4J_URI is not set and no container runtime is wanted. The first call builds the
 * launcher with Maven, which fetches Neo4j's jars from Maven Central into ~/.m2 (one-off, ~130 MB).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const TARGET = join(HERE, 'target');
const CLASSPATH = `${join(TARGET, 'classes')}:${join(TARGET, 'lib', '*')}`;

export interface EmbeddedOptions {
  dataDir: string;
  boltPort: number;
  pageCacheMb?: number;
  heapMb?: number;
  txTimeoutSeconds?: number;
  /** How long to wait for "READY" (the first start of a new store takes longest). */
  startTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface EmbeddedNeo4j {
  uri: string;
  pid: number;
  stop(): Promise<void>;
}

/** A TCP port free on 127.0.0.1 right now (for an embedded Neo4j of a test run or a benchmark). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export class Neo4jSetupError extends Error {
  override name = 'Neo4jSetupError';
}

const HOW_TO_AVOID =
  'Or skip the embedded database: set NEO4J_URI (with NEO4J_USER/NEO4J_PASSWORD) to a running Neo4j 5, ' +
  'or run `docker compose up` where Docker is available.';

function javaMajorVersion(): number | null {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr + r.stdout);
  if (!m) return null;
  const major = Number(m[1]);
  return major === 1 ? Number(m[2]) : major;
}

const SOURCE = join(HERE, 'src', 'main', 'java', 'dev', 'nlkg', 'EmbeddedNeo4j.java');
const CLASS_FILE = join(TARGET, 'classes', 'dev', 'nlkg', 'EmbeddedNeo4j.class');

/** Built, with Neo4j's jars present, and not older than the launcher's source or the pom (a pulled change rebuilds). */
function launcherBuilt(): boolean {
  const lib = join(TARGET, 'lib');
  if (!existsSync(CLASS_FILE) || !existsSync(lib) || !readdirSync(lib).some((f) => f.startsWith('neo4j-kernel'))) return false;
  const built = statSync(CLASS_FILE).mtimeMs;
  return statSync(SOURCE).mtimeMs <= built && statSync(join(HERE, 'pom.xml')).mtimeMs <= built;
}

/** Checks Java and Maven, then builds the launcher (fetching Neo4j) unless it is built already. */
export function ensureLauncherBuilt(log: (line: string) => void = console.error): void {
  const java = javaMajorVersion();
  if (java === null) throw new Neo4jSetupError(`Java 17 or newer is needed for the embedded Neo4j, and \`java\` was not found on PATH. Install a JDK 17+ (e.g. apt-get install openjdk-17-jdk-headless). ${HOW_TO_AVOID}`);
  if (java < 17) throw new Neo4jSetupError(`Java 17 or newer is needed for the embedded Neo4j; found Java ${java}. ${HOW_TO_AVOID}`);
  if (launcherBuilt()) return;
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) {
    throw new Neo4jSetupError(`Maven is needed once to fetch Neo4j 5.26 from Maven Central, and \`mvn\` was not found on PATH (apt-get install maven). ${HOW_TO_AVOID}`);
  }
  log('embedded-neo4j: fetching Neo4j 5.26 with Maven (first run only)…');
  const build = spawnSync('mvn', ['-q', '-B', 'package', '-DskipTests'], { cwd: HERE, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (build.status !== 0 || !launcherBuilt()) {
    const out = `${build.stdout ?? ''}${build.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Neo4jSetupError(`Building the embedded Neo4j launcher failed (mvn exit ${build.status}):\n${out}\n${HOW_TO_AVOID}`);
  }
}

/** Resolves once Bolt accepts connections; rejects with the JVM's own words if it dies first. */
export async function startEmbeddedNeo4j(opts: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const log = opts.log ?? ((l: string) => console.error(l));
  ensureLauncherBuilt(log);
  mkdirSync(opts.dataDir, { recursive: true });
  const heap = opts.heapMb ?? 1024;
  const args = [
    `-Xms${Math.min(heap, 512)}m`,
    `-Xmx${heap}m`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-cp',
    CLASSPATH,
    'dev.nlkg.EmbeddedNeo4j',
    opts.dataDir,
    String(opts.boltPort),
    String(opts.pageCacheMb ?? 512),
    String(opts.txTimeoutSeconds ?? 120),
  ];
  // stdin stays a pipe we never close until stop(): the JVM exits by itself when this process dies.
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderrTail: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (line.trim()) stderrTail.push(line);
    stderrTail.splice(0, Math.max(0, stderrTail.length - 30));
  });

  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Neo4jSetupError(`Embedded Neo4j did not start within ${opts.startTimeoutMs ?? 120000} ms.\n${stderrTail.join('\n')}`));
    }, opts.startTimeoutMs ?? 120_000);
    let buf = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buf += chunk;
      const m = /READY (bolt:\/\/\S+)/.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const hint = stderrTail.some((l) => /already in use|BindException/i.test(l))
        ? ` Port ${opts.boltPort} is taken: set NEO4J_BOLT_PORT to a free port.`
        : stderrTail.some((l) => /lock/i.test(l))
          ? ` Another Neo4j holds the store in ${opts.dataDir}: stop it first.`
          : '';
      reject(new Neo4jSetupError(`Embedded Neo4j exited before it was ready (code ${code}, signal ${signal}).${hint}\n${stderrTail.join('\n')}`));
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Neo4jSetupError(`Could not start java: ${err.message}. ${HOW_TO_AVOID}`));
    });
  });
  log(`embedded-neo4j: ready at ${uri} (data in ${opts.dataDir})`);
  return { uri, pid: child.pid!, stop: () => stopChild(child) };
}

/** SIGTERM runs the JVM's shutdown hook (a clean store shutdown); SIGKILL only if it hangs. */
function stopChild(child: ChildProcess, graceMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
