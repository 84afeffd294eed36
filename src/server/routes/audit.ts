/** The audit log for inspectors: filtered entries and the hash-chain verification. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Permission } from '../access/permissions.ts';
import { principal } from '../auth/plugin.ts';
import { auditPage, auditQuery, chainStatus } from '../contract/audit.ts';
import { problemResponses } from '../contract/common.ts';
import type { ServerContext } from '../context.ts';

const access = { access: { permission: Permission.AuditRead } } as const;

export const auditRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.get(
    '/api/audit',
    {
      config: access,
      schema: { tags: ['oversight'], summary: 'Audit entries, newest first', querystring: auditQuery, response: { 200: auditPage, ...problemResponses } },
    },
    async (request) => ctx.audit.list(principal(request), request.query),
  );

  app.get(
    '/api/audit/verify',
    {
      config: access,
      schema: {
        tags: ['oversight'],
        summary: 'Recompute the SHA-256 hash chain: intact, or the first altered or missing entry',
        response: { 200: chainStatus, ...problemResponses },
      },
    },
    async (request) => ctx.audit.verify(principal(request)),
  );
};
