/** Oversight statistics and their CSV export, within the reader's jurisdiction. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../access/permissions.ts';
import { principal } from '../auth/plugin.ts';
import { problemResponses } from '../contract/common.ts';
import {
  escalationPage,
  escalationsQuery,
  holdPage,
  holdsQuery,
  noConvictionPage,
  noConvictionQuery,
  dashboardQuery,
  statsQuery,
  statsView,
} from '../contract/stats.ts';
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
        querystring: dashboardQuery,
        response: { 200: statsView, ...problemResponses },
      },
    },
    async (request) => {
      const p = principal(request);
      const me = await ctx.users.view(await ctx.users.byUsername(p.username));
      return ctx.stats.dashboard(p, me.scopeLabel, ctx.stats.filter(p, request.query), request.query.lists);
    },
  );

  // The dashboard's lists, a keyset page at a time; each page's people are audited as read.
  app.get(
    '/api/stats/no-conviction',
    {
      config: access,
      schema: { tags: ['oversight'], summary: 'Detainers on people with no conviction, newest first (audited read)', querystring: noConvictionQuery, response: { 200: noConvictionPage, ...problemResponses } },
    },
    async (request) => {
      const p = principal(request);
      return ctx.stats.noConvictionPage(p, ctx.stats.filter(p, request.query), request.query);
    },
  );

  app.get(
    '/api/stats/escalations',
    {
      config: access,
      schema: { tags: ['oversight'], summary: 'Escalated cases (claims of US citizenship), newest first (audited read)', querystring: escalationsQuery, response: { 200: escalationPage, ...problemResponses } },
    },
    async (request) => {
      const p = principal(request);
      return ctx.stats.escalationsPage(p, ctx.stats.filter(p, {}), request.query);
    },
  );

  app.get(
    '/api/stats/holds',
    {
      config: access,
      schema: { tags: ['oversight'], summary: 'Holds ending within 6 hours, or past their end, soonest first (audited read)', querystring: holdsQuery, response: { 200: holdPage, ...problemResponses } },
    },
    async (request) => {
      const p = principal(request);
      return ctx.stats.holdsPage(p, ctx.stats.filter(p, {}), request.query);
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
