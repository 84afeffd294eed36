/** POST /api/bookings (JSON) and /api/bookings/file (ANSI/NIST-ITL EBTS CAR/CNA, traditional or XML). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SeccomError } from '../../errors/index.ts';
import { Permission } from '../access/permissions.ts';
import { principal } from '../auth/plugin.ts';
import { problemResponses, problemSchema } from '../contract/common.ts';
import { bookingBody, fileQuery, submittedView } from '../contract/intake.ts';
import type { ServerContext } from '../context.ts';

const access = { access: { permission: Permission.BookingSubmit } } as const;
const errors = { ...problemResponses, 409: problemSchema, 413: problemSchema, 415: problemSchema };
/** A ten-print file with WSQ images is a few MB; 50 MB leaves room for 1000-ppi prints. */
const fileLimit = 50 * 1024 * 1024;
const fileTypes = ['application/octet-stream', 'application/x-ansi-nist', 'application/xml', 'text/xml'];

export const intakeRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.addContentTypeParser(fileTypes, { parseAs: 'buffer', bodyLimit: fileLimit }, (_req, body, done) => done(null, body));

  app.post(
    '/api/bookings',
    {
      config: access,
      schema: { tags: ['bookings'], summary: 'Submit a booking (biographics, charges, minutiae templates) for your agency', body: bookingBody, response: { 201: submittedView, ...errors } },
    },
    async (request, reply) => {
      const b = request.body;
      const done = await ctx.intake.submit(principal(request), { ...b, arrestedAt: new Date(b.arrestedAt), releaseDueAt: new Date(b.releaseDueAt) });
      return reply.code(201).header('location', `/api/bookings/${encodeURIComponent(done.bookingId)}`).send(done);
    },
  );

  app.post(
    '/api/bookings/file',
    {
      config: access,
      bodyLimit: fileLimit,
      schema: {
        tags: ['bookings'],
        summary: 'Submit a livescan file: an ANSI/NIST-ITL EBTS CAR or CNA (traditional or XML); the prints are extracted',
        description: `Send the file as the request body with Content-Type ${fileTypes.join(', ')}.`,
        querystring: fileQuery,
        response: { 201: submittedView, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) {
        throw new SeccomError('SECCOM_UNSUPPORTED_MEDIA', `send the file with Content-Type ${fileTypes.join(' or ')}`);
      }
      const due = request.query.releaseDueAt ? new Date(request.query.releaseDueAt) : undefined;
      const done = await ctx.intake.submitFile(principal(request), body, due);
      return reply.code(201).header('location', `/api/bookings/${encodeURIComponent(done.bookingId)}`).send(done);
    },
  );
};
