/** Oversight statistics and their CSV export, within the reader's jurisdiction. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../access/permissions.ts';
import { principal } from '../auth/plugin.ts';
import { problemResponses } from '../contract/common.ts';
import { statsQuery, statsView } from '../contract/stats.ts';
import type { ServerContext } from '../context.ts';

const access = { access: { permission: Permission.StatsRead } } as const;

export const statsRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.get(
    '/api/stats',
    {
      config: access,
      schema: {
        tags: ['oversight'],
        summary: 'Counts and trends by level, priority, conviction status, outcome and jurisdiction; holds near or past expiry',
        querystring: statsQuery,
        response: { 200: statsView, ...problemResponses },
      },
    },
    async (request) => {
      const p = principal(request);
      const me = await ctx.users.view(await ctx.users.byUsername(p.username));
      return ctx.stats.dashboard(p, me.scopeLabel, ctx.stats.filter(p, request.query));
    },
  );

  app.get(
    '/api/stats.csv',
    {
      config: access,
      schema: {
        tags: ['oversight'],
        summary: 'The statistics as CSV (dimension,key,bookings,detainers,detainers_no_conviction,ident_matches)',
        querystring: statsQuery,
        produces: ['text/csv'],
        response: { 200: z.string(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const csv = await ctx.stats.csv(ctx.stats.filter(principal(request), request.query));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="seccom-stats.csv"').send(csv);
    },
  );
};
