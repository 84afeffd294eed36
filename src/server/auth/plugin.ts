/**
 * Authentication and route-level access for every /api route, denying by default: a route must
 * declare its `access` (public, any signed-in user, or one permission) or the server refuses to
 * start. Requests carry a session cookie (HttpOnly, SameSite=Strict; state changes must echo the
 * session's CSRF token in X-CSRF-Token) or `Authorization: Bearer <API token>`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { SeccomError } from '../../errors/index.ts';
import { hasPermission, type Permission } from '../access/permissions.ts';
import type { Principal } from '../access/principal.ts';
import { sameSecret } from './secrets.ts';
import { sessionHours, type AuthService } from './service.ts';

export type RouteAccess = { public: true } | { signedIn: true } | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export const sessionCookie = 'seccom_session';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isApiRoute(url: string): boolean {
  return url === '/api' || url.startsWith('/api/');
}

/** The signed-in caller; for handlers of routes that are not public. */
export function principal(request: FastifyRequest): Principal {
  if (!request.principal) throw new SeccomError('SECCOM_UNAUTHENTICATED', 'sign in first');
  return request.principal;
}

export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, sessionId: string): void {
  reply.setCookie(sessionCookie, sessionId, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: sessionHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { path: '/' });
}

async function authenticate(request: FastifyRequest, auth: AuthService): Promise<Principal | undefined> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new SeccomError('SECCOM_UNAUTHENTICATED', 'the Authorization header must be "Bearer <API token>"');
    const p = await auth.fromToken(m[1]!);
    if (!p) throw new SeccomError('SECCOM_UNAUTHENTICATED', 'the API token is unknown or revoked');
    return p;
  }
  const sid = request.cookies[sessionCookie];
  return sid ? auth.fromSession(sid) : undefined;
}

export async function registerAuth(app: FastifyInstance, auth: AuthService): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    if (isApiRoute(route.url) && !route.config?.access) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return; // not an API route (console files, docs)
    if ('public' in access) {
      // Public routes still learn who is calling when a session exists (GET /api/session).
      request.principal = (await authenticate(request, auth).catch(() => undefined)) ?? null;
      return;
    }
    const p = await authenticate(request, auth);
    if (!p) throw new SeccomError('SECCOM_UNAUTHENTICATED', 'sign in, or send an API token');
    if (p.via === 'session' && !safeMethods.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !p.csrfToken || !sameSecret(sent, p.csrfToken)) {
        throw new SeccomError('SECCOM_CSRF', 'send the X-CSRF-Token header with the token of your session');
      }
    }
    if ('permission' in access && !hasPermission(p.role, access.permission)) {
      throw new SeccomError('SECCOM_FORBIDDEN', `your role (${p.role}) does not hold ${access.permission}`);
    }
    request.principal = p;
  });
}
