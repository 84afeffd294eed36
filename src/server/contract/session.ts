/** Sign-in, the signed-in user, and API tokens. */
import { z } from 'zod';
import { ROLES } from '../access/permissions.ts';
import { pageQuery } from './common.ts';

export const loginBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const userView = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    roleLabel: z.string(),
    ori: z.string().describe('Agency (originating agency identifier)'),
    scope: z.string().describe('national, state:XX or county:<jurisdiction id>'),
    scopeLabel: z.string(),
    timeZone: z.string().describe('IANA time zone times are shown in'),
    disabled: z.boolean(),
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof userView>;

export const sessionView = z
  .object({
    user: userView,
    permissions: z.array(z.string()),
    csrfToken: z.string().describe('Send as X-CSRF-Token on every POST, PATCH, PUT and DELETE made with the session cookie'),
  })
  .meta({ id: 'Session' });
export type SessionView = z.infer<typeof sessionView>;

export const tokenView = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() }).meta({ id: 'ApiToken' });
export type TokenView = z.infer<typeof tokenView>;
export const tokenListQuery = z.object({ q: z.string().trim().max(80).optional().describe('Part of the token name'), ...pageQuery });
export const newTokenBody = z.object({ name: z.string().min(1).max(80) });
export const newTokenView = tokenView.extend({ token: z.string().describe('Shown once: send as Authorization: Bearer <token>') });
