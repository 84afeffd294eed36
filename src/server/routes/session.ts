/** Sign-in and sign-out (session cookie + CSRF token) and the caller's own API tokens. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SeccomError } from '../../errors/index.ts';
import { Permission, permissionsOf } from '../access/permissions.ts';
import type { Principal } from '../access/principal.ts';
import { clearSessionCookie, principal, setSessionCookie } from '../auth/plugin.ts';
import { idParam, pageOf, problemSchema } from '../contract/common.ts';
import { loginBody, newTokenBody, newTokenView, sessionView, tokenListQuery, tokenView, type SessionView } from '../contract/session.ts';
import { decodeCursor, pageFrom } from '../services/cursor.ts';
import type { ServerContext } from '../context.ts';

export const sessionRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  async function view(p: Principal): Promise<SessionView> {
    const user = await ctx.users.view(await ctx.users.byUsername(p.username));
    return { user, permissions: [...permissionsOf(p.role)], csrfToken: p.csrfToken ?? '' };
  }

  app.post(
    '/api/session',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['session'],
        summary: 'Sign in with user name and password; sets the session cookie',
        body: loginBody,
        response: { 200: sessionView, 401: problemSchema, 422: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const { sessionId, principal: p } = await ctx.auth.login(request.body.username, request.body.password);
      setSessionCookie(reply, request, sessionId);
      return view(p);
    },
  );

  app.get(
    '/api/session',
    {
      config: { access: { public: true } },
      schema: { tags: ['session'], summary: 'The signed-in user, permissions and CSRF token', response: { 200: sessionView, 401: problemSchema } },
    },
    async (request) => {
      if (!request.principal) throw new SeccomError('SECCOM_UNAUTHENTICATED', 'not signed in');
      return view(request.principal);
    },
  );

  app.delete(
    '/api/session',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.null(), 401: problemSchema, 403: problemSchema } },
    },
    async (request, reply) => {
      await ctx.auth.logout(principal(request));
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/tokens',
    {
      config: { access: { permission: Permission.TokenManage } },
      schema: {
        tags: ['session'],
        summary: 'Your API tokens, oldest first',
        querystring: tokenListQuery,
        response: { 200: pageOf(tokenView), 401: problemSchema, 403: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const { q, limit } = request.query;
      const key = decodeCursor(request.query.cursor, 'ss');
      const after = key ? { createdAt: new Date(key[0] as string), id: key[1] as string } : undefined;
      if (after && Number.isNaN(after.createdAt.getTime())) throw new SeccomError('SECCOM_BAD_CURSOR', 'the cursor is not one this list returned');
      const rows = await ctx.auth.tokensOf(principal(request), { q: q || undefined, after, limit: limit + 1 });
      return pageFrom(
        rows,
        limit,
        (t) => [t.createdAt.toISOString(), t.id],
        (t) => ({ id: t.id, name: t.name, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null }),
      );
    },
  );

  app.post(
    '/api/tokens',
    {
      config: { access: { permission: Permission.TokenManage } },
      schema: {
        tags: ['session'],
        summary: 'Create an API token (shown once) acting as you',
        body: newTokenBody,
        response: { 201: newTokenView, 401: problemSchema, 403: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const { row, token } = await ctx.auth.createToken(principal(request), request.body.name);
      return reply.code(201).send({ id: row.id, name: row.name, createdAt: row.createdAt.toISOString(), lastUsedAt: null, token });
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { access: { permission: Permission.TokenManage } },
      schema: { tags: ['session'], summary: 'Revoke one of your API tokens', params: idParam, response: { 204: z.null(), 401: problemSchema, 403: problemSchema, 404: problemSchema } },
    },
    async (request, reply) => {
      await ctx.auth.revokeToken(principal(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
