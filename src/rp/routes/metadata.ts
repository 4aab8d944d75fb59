import { Hono } from 'hono';
import type { MetadataStatus } from '../../shared/schemas.js';
import type { Env } from '../http/env.js';

/** Which authenticator metadata the relying party loaded, and what was wrong with the files. */
export const metadataRoutes = new Hono<Env>().get('/', (c) => {
  const { directory, metadataProblems } = c.get('deps');
  return c.json({ sources: directory.sizes, problems: metadataProblems } satisfies MetadataStatus);
});
