/**
 * Serves the built console (web/dist) from the API's own origin, so the session cookie can be
 * SameSite=Strict. Hashed assets are cached for good; index.html never is. Any other GET that
 * is not an API path answers with index.html, and the console's router takes over.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { SeccomError } from '../../errors/index.ts';
import { consoleDist } from './build.ts';

/** Paths that belong to the server, never to the console's router. */
export function isServerPath(path: string): boolean {
  return path.startsWith('/api/') || path === '/api' || path.startsWith('/docs') || path === '/openapi.json';
}

/** Routes for the files of the build present at start (index.html and any other path go to consoleFallback). */
export async function registerConsole(app: FastifyInstance, dist = consoleDist): Promise<void> {
  if (!existsSync(dist)) return;
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    index: false,
    wildcard: false,
    redirect: false,
    setHeaders(reply, path) {
      reply.header('cache-control', path.includes(join('dist', 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}

/** The answer for a GET no route matched: the console's index.html, or undefined for server paths. */
export function consoleFallback(request: FastifyRequest, reply: FastifyReply, dist = consoleDist): FastifyReply | undefined {
  const path = request.url.split('?')[0]!;
  if ((request.method !== 'GET' && request.method !== 'HEAD') || isServerPath(path)) return undefined;
  if (!existsSync(join(dist, 'index.html'))) {
    throw new SeccomError('SECCOM_CONSOLE_NOT_BUILT', 'web/dist/index.html is missing and the console could not be built');
  }
  return reply.header('cache-control', 'no-cache').sendFile('index.html', dist);
}
