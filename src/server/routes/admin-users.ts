/** Administration of accounts: list and search, create (password shown once), change, disable. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../access/permissions.ts';
import { actorOf } from '../access/principal.ts';
import { principal } from '../auth/plugin.ts';
import { idParam, pageOf, problemSchema } from '../contract/common.ts';
import { newUserBody, userChangeBody, userListQuery } from '../contract/admin.ts';
import { userView } from '../contract/session.ts';
import type { ServerContext } from '../context.ts';
import { decodeCursor, encodeCursor } from '../services/cursor.ts';

const access = { access: { permission: Permission.UserManage } } as const;
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };

export const adminUserRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.get(
    '/api/admin/users',
    { config: access, schema: { tags: ['admin'], summary: 'Users, by user name', querystring: userListQuery, response: { 200: pageOf(userView), ...errors } } },
    async (request) => {
      const { q, limit } = request.query;
      const after = decodeCursor(request.query.cursor, 's')?.[0] as string | undefined;
      const rows = await ctx.users.list({ after, limit: limit + 1, q });
      const page = rows.slice(0, limit);
      return {
        items: await Promise.all(page.map((u) => ctx.users.view(u))),
        nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1]!.username]) : null,
      };
    },
  );

  app.post(
    '/api/admin/users',
    {
      config: access,
      schema: { tags: ['admin'], summary: 'Create a user', body: newUserBody, response: { 201: z.object({ user: userView, password: z.string() }), ...errors } },
    },
    async (request, reply) => {
      const { user, password } = await ctx.users.create(request.body, actorOf(principal(request)));
      return reply.code(201).send({ user: await ctx.users.view(user), password });
    },
  );

  app.patch(
    '/api/admin/users/:id',
    {
      config: access,
      schema: { tags: ['admin'], summary: 'Change or disable a user', params: idParam, body: userChangeBody, response: { 200: userView, ...errors } },
    },
    async (request) => ctx.users.view(await ctx.users.change(request.params.id, request.body, actorOf(principal(request)))),
  );
};
