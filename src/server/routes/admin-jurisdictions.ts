/** Administration of jurisdictions: activation history, rule set, policy versions. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Permission } from '../access/permissions.ts';
import { principal } from '../auth/plugin.ts';
import { jurisdictionChangeBody, jurisdictionDetail, jurisdictionListQuery, jurisdictionView, newActivationBody } from '../contract/admin.ts';
import { idParam, pageOf, problemResponses, problemSchema } from '../contract/common.ts';
import type { ServerContext } from '../context.ts';

const access = { access: { permission: Permission.JurisdictionManage } } as const;
const errors = { ...problemResponses, 409: problemSchema };

export const adminJurisdictionRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.get(
    '/api/admin/jurisdictions',
    {
      config: access,
      schema: {
        tags: ['admin'],
        summary: "Jurisdictions by state and name, with the activation in force and the policy engine's participation answer",
        querystring: jurisdictionListQuery,
        response: { 200: pageOf(jurisdictionView), ...errors },
      },
    },
    async (request) => ctx.jurisdictions.list(request.query),
  );
  app.get(
    '/api/admin/jurisdictions/:id',
    {
      config: access,
      schema: { tags: ['admin'], summary: 'A jurisdiction: activation history and the dated policy versions of its rule set', params: idParam, response: { 200: jurisdictionDetail, ...errors } },
    },
    async (request) => ctx.jurisdictions.detail(request.params.id),
  );
  app.post(
    '/api/admin/jurisdictions/:id/activations',
    {
      config: access,
      schema: { tags: ['admin'], summary: 'Add a dated activation or opt-out change (history is appended, never rewritten)', params: idParam, body: newActivationBody, response: { 201: jurisdictionDetail, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await ctx.jurisdictions.addActivation(principal(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/admin/jurisdictions/:id',
    { config: access, schema: { tags: ['admin'], summary: 'Put the jurisdiction under another rule set', params: idParam, body: jurisdictionChangeBody, response: { 200: jurisdictionDetail, ...errors } } },
    async (request) => ctx.jurisdictions.setRuleset(principal(request), request.params.id, request.body.rulesetId),
  );
};
