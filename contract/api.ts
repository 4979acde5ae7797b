/**
 * The API contract shared by server and client: request inputs are parsed with these schemas on the server,
 * and the client types its calls from the same definitions. OpenAPI is generated from them.
 */
import { z } from 'zod';

export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

export const HealthResponse = z.object({
  status: z.literal('ok'),
  neo4j: z.object({ version: z.string(), edition: z.string(), source: z.enum(['uri', 'embedded', 'embedded-shared']) }),
  counts: z.object({ nodes: z.number().int(), relationships: z.number().int(), documents: z.number().int(), entities: z.number().int() }),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
