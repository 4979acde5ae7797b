/**
 * Neo4j values → JSON. Integers become numbers (strings beyond 2^53, rather than silently wrong numbers),
 * temporal values ISO strings, nodes/relationships/paths plain objects. Used for every record the API
 * returns and for the Cypher console's rows.
 */
import {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPathSegment,
  isPoint,
  isRelationship,
  isTime,
  isUnboundRelationship,
  type Integer,
  type Node,
  type Path,
  type Relationship,
} from 'neo4j-driver';

export interface PlainNode {
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}
export interface PlainRelationship {
  elementId: string;
  type: string;
  startElementId: string;
  endElementId: string;
  properties: Record<string, unknown>;
}

function integerToJson(i: Integer): number | string {
  return i.inSafeRange() ? i.toNumber() : i.toString();
}

const props = (p: Record<string, unknown>) => toPlain(p) as Record<string, unknown>;

const plainNode = (n: Node): PlainNode => ({ elementId: n.elementId, labels: [...n.labels], properties: props(n.properties) });
const plainRelationship = (r: Relationship): PlainRelationship => ({
  elementId: r.elementId,
  type: r.type,
  startElementId: r.startNodeElementId,
  endElementId: r.endNodeElementId,
  properties: props(r.properties),
});

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // JSON has no NaN/Infinity; a string keeps the information instead of turning it into null.
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
    case 'object':
      break;
    default:
      return String(value);
  }
  if (isInt(value)) return integerToJson(value as Integer);
  if (Array.isArray(value)) return value.map(toPlain);
  if (isNode(value)) return plainNode(value as Node);
  if (isRelationship(value)) return plainRelationship(value as Relationship);
  if (isUnboundRelationship(value)) {
    const r = value as unknown as { elementId: string; type: string; properties: Record<string, unknown> };
    return { elementId: r.elementId, type: r.type, properties: props(r.properties) };
  }
  if (isPath(value)) {
    const p = value as Path;
    return {
      start: plainNode(p.start),
      end: plainNode(p.end),
      length: p.length,
      segments: p.segments.map((s) => ({ start: plainNode(s.start), relationship: plainRelationship(s.relationship), end: plainNode(s.end) })),
    };
  }
  if (isPathSegment(value)) {
    const s = value as unknown as { start: Node; relationship: Relationship; end: Node };
    return { start: plainNode(s.start), relationship: plainRelationship(s.relationship), end: plainNode(s.end) };
  }
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isLocalTime(value) || isTime(value) || isDuration(value)) {
    return String(value);
  }
  if (isPoint(value)) {
    const p = value as unknown as { srid: unknown; x: number; y: number; z?: number };
    return { srid: toPlain(p.srid), x: p.x, y: p.y, ...(p.z === undefined ? {} : { z: p.z }) };
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
  return out;
}
