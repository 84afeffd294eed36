/** Bookings: the scoped list (keyset pages, search) and one booking's record (an audited read). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Permission } from '../access/permissions.ts';
import { principal } from '../auth/plugin.ts';
import { bookingDetail, bookingListQuery, bookingSummary } from '../contract/bookings.ts';
import { idParam, pageOf, problemResponses } from '../contract/common.ts';
import type { ServerContext } from '../context.ts';

const access = { access: { permission: Permission.BookingRead } } as const;

export const bookingRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.get(
    '/api/bookings',
    {
      config: access,
      schema: {
        tags: ['bookings'],
        summary: 'Bookings you may see, newest first',
        description: 'Keyset-paged; `q` searches name, booking number, TCN, SID and FIN.',
        querystring: bookingListQuery,
        response: { 200: pageOf(bookingSummary), ...problemResponses },
      },
    },
    async (request) => ctx.bookings.list(principal(request), request.query),
  );

  app.get(
    '/api/bookings/:id',
    {
      config: access,
      schema: {
        tags: ['bookings'],
        summary: 'One booking: stage timeline, responses, detainer and its clock (the read is audited)',
        description: 'A booking outside your jurisdiction answers 404, the same as a missing one.',
        params: idParam,
        response: { 200: bookingDetail, ...problemResponses },
      },
    },
    async (request) => ctx.bookings.detail(principal(request), request.params.id),
  );
};
