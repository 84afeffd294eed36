/**
 * The HTTP API and the console on one Fastify instance: zod schemas validate requests and
 * responses and generate the OpenAPI document (/openapi.json, browsable at /docs); every /api
 * route passes authentication and its declared access rule; errors leave as problem details; any
 * other GET gets the console.
 */
import type { FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerAuth } from './auth/plugin.ts';
import { consoleFallback, registerConsole } from './console/serve.ts';
import type { ServerContext } from './context.ts';
import { registerProblemHandlers } from './problem.ts';
import { adminJurisdictionRoutes } from './routes/admin-jurisdictions.ts';
import { adminUserRoutes } from './routes/admin-users.ts';
import { auditRoutes } from './routes/audit.ts';
import { bookingRoutes } from './routes/bookings.ts';
import { eventRoutes } from './routes/events.ts';
import { intakeRoutes } from './routes/intake.ts';
import { statsRoutes } from './routes/stats.ts';
import { stepRoutes } from './routes/steps.ts';
import { sessionRoutes } from './routes/session.ts';

export interface ApiOptions {
  /** Serve the console from web/dist (default true). */
  console?: boolean;
  version?: string;
}

export async function registerApi(app: FastifyInstance, ctx: ServerContext, opts: ApiOptions = {}): Promise<void> {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app, opts.console === false ? undefined : (request, reply) => consoleFallback(request, reply));

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'seccom API',
        version: opts.version ?? '0',
        description:
          'Secure Communities booking interoperability. Sign in with POST /api/session (cookie + X-CSRF-Token on state changes) or send `Authorization: Bearer <API token>`. Errors are RFC 9457 problem details with a stable `code` (docs/errors.md). All people in the data are synthetic.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'seccom_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await registerAuth(app, ctx.auth);
  await app.register(sessionRoutes, { ctx });
  await app.register(adminUserRoutes, { ctx });
  await app.register(adminJurisdictionRoutes, { ctx });
  await app.register(bookingRoutes, { ctx });
  await app.register(intakeRoutes, { ctx });
  await app.register(eventRoutes, { ctx });
  await app.register(statsRoutes, { ctx });
  await app.register(auditRoutes, { ctx });
  await app.register(stepRoutes, { ctx });
  // End the event streams first, or closing the server would wait for them.
  app.addHook('preClose', async () => ctx.live.close());

  if (opts.console !== false) await registerConsole(app);
}
