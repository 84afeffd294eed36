/**
 * Every failure leaves the API as RFC 9457 problem details (application/problem+json) with a
 * stable SECCOM_ code: our own errors as they are, Fastify's and the validator's mapped onto the
 * catalog, anything else as SECCOM_INTERNAL (logged, its message not shown).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { SeccomError, isSeccomError, type ErrorCode } from '../errors/index.ts';

export const problemContentType = 'application/problem+json; charset=utf-8';

/** Fastify's own error codes that are the client's fault, mapped onto the catalog. */
const fastifyCodes: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'SECCOM_PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'SECCOM_UNSUPPORTED_MEDIA',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'SECCOM_REQUEST_INVALID',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'SECCOM_REQUEST_INVALID',
  FST_ERR_CTP_INVALID_JSON_BODY: 'SECCOM_REQUEST_INVALID',
  FST_ERR_VALIDATION: 'SECCOM_REQUEST_INVALID',
};

function fieldOf(instancePath: string, context: string | undefined): string {
  const path = instancePath.replace(/^\//, '').replace(/\//g, '.');
  return [context, path].filter(Boolean).join('.');
}

/** The SeccomError a thrown value stands for. */
export function toSeccomError(error: unknown): SeccomError {
  if (isSeccomError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({ field: fieldOf(v.instancePath, error.validationContext), reason: v.message ?? 'invalid' }));
    const summary = issues.map((i) => `${i.field || '(body)'}: ${i.reason}`).join('; ');
    return new SeccomError('SECCOM_REQUEST_INVALID', summary, { details: issues });
  }
  const e = error as Partial<FastifyError> | undefined;
  const mapped = e?.code ? fastifyCodes[e.code] : undefined;
  if (mapped) return new SeccomError(mapped, e?.message ?? mapped);
  if (e?.statusCode === 404) return new SeccomError('SECCOM_ROUTE_NOT_FOUND', e.message ?? 'not found');
  return new SeccomError('SECCOM_INTERNAL', 'an unexpected error occurred; the server log has the details', { cause: error });
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, err: SeccomError): FastifyReply {
  if (err.code === 'SECCOM_LOGIN_THROTTLED' && typeof err.details === 'object' && err.details !== null && 'retryAfterSeconds' in err.details) {
    reply.header('retry-after', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
  }
  const instance = request.url.split('?')[0];
  return reply.code(err.status).type(problemContentType).send(err.toProblem(instance));
}

/** An answer for requests no route matched (the console's index.html), or undefined to answer 404. */
export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;

export function registerProblemHandlers(app: FastifyInstance, fallback?: NotFoundFallback): void {
  app.setErrorHandler((error, request, reply) => {
    const err = toSeccomError(error);
    if (err.status >= 500) request.log.error({ err: error }, err.message);
    return sendProblem(reply, request, err);
  });
  app.setNotFoundHandler((request, reply) => {
    try {
      const served = fallback?.(request, reply);
      if (served) return served;
    } catch (e) {
      return sendProblem(reply, request, toSeccomError(e));
    }
    return sendProblem(reply, request, new SeccomError('SECCOM_ROUTE_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`));
  });
}
