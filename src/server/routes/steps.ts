/** The human steps: LESC's IAQ queue and IAR, ERO's queue, case and decision, the jail's answers. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../access/permissions.ts';
import { principal } from '../auth/plugin.ts';
import { idParam, pageOf, problemResponses, problemSchema } from '../contract/common.ts';
import { caseView, decisionBody, iarBody, jailResponseBody, queueItem, queueQuery } from '../contract/steps.ts';
import type { ServerContext } from '../context.ts';

const errors = { ...problemResponses, 409: problemSchema };
const done = { 204: z.null(), ...errors };

export const stepRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  const queue = (url: string, step: 'lesc' | 'ero' | 'jail', permission: (typeof Permission)[keyof typeof Permission], summary: string) =>
    app.get(
      url,
      { config: { access: { permission } }, schema: { tags: ['steps'], summary, querystring: queueQuery, response: { 200: pageOf(queueItem), ...errors } } },
      async (request) => ctx.steps.queue(principal(request), step, request.query),
    );
  queue('/api/queues/lesc', 'lesc', Permission.IaqRead, "LESC analysts' IAQ queue, oldest first, with time in queue");
  queue('/api/queues/ero', 'ero', Permission.DecisionMake, 'Cases waiting for an ICE (ERO) decision, oldest first');
  queue('/api/queues/jail', 'jail', Permission.DetainerRespond, "Detainers waiting for the jail's answer, oldest first");

  app.post(
    '/api/bookings/:id/iar',
    {
      config: { access: { permission: Permission.IarSubmit } },
      schema: {
        tags: ['steps'],
        summary: 'Send the IAR (the draft from the systems of record, as corrected) to the jail and ERO',
        params: idParam,
        body: iarBody,
        response: done,
      },
    },
    async (request, reply) => {
      await ctx.steps.answerIaq(principal(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/bookings/:id/case',
    {
      config: { access: { permission: Permission.DecisionMake } },
      schema: {
        tags: ['steps'],
        summary: 'The decision screen: case facts, levels, priority, discretion factors, the recommended action and the rules behind it',
        params: idParam,
        response: { 200: caseView, ...errors },
      },
    },
    async (request) => ctx.steps.caseView(principal(request), request.params.id),
  );

  app.post(
    '/api/bookings/:id/decision',
    {
      config: { access: { permission: Permission.DecisionMake } },
      schema: {
        tags: ['steps'],
        summary: 'Decide: lodge a detainer, request notification, or take no action (never more than the rules recommend)',
        params: idParam,
        body: decisionBody,
        response: done,
      },
    },
    async (request, reply) => {
      await ctx.steps.decide(principal(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/detainers/:id/response',
    {
      config: { access: { permission: Permission.DetainerRespond } },
      schema: {
        tags: ['steps'],
        summary: "The jail's answer to a lodged detainer under its local rules (honour, notify only, decline)",
        params: idParam,
        body: jailResponseBody,
        response: done,
      },
    },
    async (request, reply) => {
      await ctx.steps.respond(principal(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
};
