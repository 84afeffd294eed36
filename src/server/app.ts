/**
 * The HTTP app factory: one Fastify instance, onto which each part registers its routes
 * (status page, API, console). `npm start` builds it; tests can build it without listening.
 */
import Fastify, { type FastifyInstance } from 'fastify';

export type RouteRegistration = (app: FastifyInstance) => Promise<void> | void;

export async function createApp(registrations: readonly RouteRegistration[], opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false });
  for (const register of registrations) await register(app);
  return app;
}
