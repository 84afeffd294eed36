/** GET /api/events: server-sent events (booking changes within your visibility, and the pipeline clock). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasPermission, Permission } from '../access/permissions.ts';
import { bookingVisibility } from '../access/visibility.ts';
import { principal } from '../auth/plugin.ts';
import { problemSchema } from '../contract/common.ts';
import type { ServerContext } from '../context.ts';

export const eventRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.get(
    '/api/events',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['live'],
        summary: 'Live updates (text/event-stream)',
        description:
          'Events: `change` {bookingId, entity, seq} when a booking you may see moves a step; `clock` {now} with the pipeline clock every few seconds. A comment line keeps the connection open.',
        response: { 401: problemSchema },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const visibility = hasPermission(p.role, Permission.BookingRead) ? bookingVisibility(p) : null;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write(': connected\n\n');
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      res.on('close', () => clearInterval(keepAlive));
      // The reply is hijacked: a failure cannot become a problem document, so end the stream (EventSource reconnects).
      await ctx.live.add({ visibility, res }).catch((e: unknown) => {
        request.log.error(e, 'live updates: could not start the stream');
        res.end();
      });
    },
  );
};
