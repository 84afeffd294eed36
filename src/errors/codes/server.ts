import { defineCodes } from '../define.ts';

/** HTTP API and console: authentication, access, request validation, state conflicts. */
export const serverCodes = defineCodes({
  SECCOM_UNAUTHENTICATED: {
    status: 401,
    title: 'Not signed in',
    description:
      'The request carries no valid session cookie or API token (or the session expired). Sign in at /login, or send `Authorization: Bearer <token>` (tokens: `npx seccom user token`).',
  },
  SECCOM_LOGIN_FAILED: {
    status: 401,
    title: 'Wrong user name or password',
    description: 'The user name and password do not match an active account. The answer is the same for an unknown user and a wrong password.',
  },
  SECCOM_LOGIN_THROTTLED: {
    status: 429,
    title: 'Too many failed sign-ins',
    description: 'Several failed sign-ins for this user name in a short time. Wait the number of seconds in the Retry-After header.',
  },
  SECCOM_FORBIDDEN: {
    status: 403,
    title: 'Not permitted for your role',
    description:
      'Your role does not hold the permission this action needs (docs/api.md lists the permission table). A record outside your jurisdiction answers SECCOM_NOT_FOUND instead, the same as a missing one.',
  },
  SECCOM_CSRF: {
    status: 403,
    title: 'Missing or wrong CSRF token',
    description:
      'A state-changing request authenticated by the session cookie must send the `X-CSRF-Token` header with the token returned by POST /api/session or GET /api/session. API tokens do not need it.',
  },
  SECCOM_REQUEST_INVALID: {
    status: 422,
    title: 'Invalid request',
    description:
      'The body, query or path of a request does not match the route\'s schema (docs/api.md and /openapi.json). `details` lists each failing field with its path and reason.',
  },
  SECCOM_BAD_CURSOR: {
    status: 422,
    title: 'Invalid page cursor',
    description: 'The `cursor` query parameter is not one this API returned as `nextCursor`. Start again from the first page.',
  },
  SECCOM_ROUTE_NOT_FOUND: {
    status: 404,
    title: 'No such API route',
    description: 'No API route has this method and path. /docs lists every route.',
  },
  SECCOM_CONFLICT: {
    status: 409,
    title: 'Record changed or already decided',
    description:
      'The action does not apply to the record in its present state (an IAQ already answered, a decision already made, a detainer no longer awaiting an answer). Reload the record and decide again.',
  },
  SECCOM_DECISION_NOT_ALLOWED: {
    status: 422,
    title: 'Decision not allowed by the rules',
    description:
      'The decision goes further than the rules in force allow for this case: an ICE action more severe than the policy recommends, or a jail answer less protective than its local law requires. `details.allowed` lists the choices the rules leave.',
  },
  SECCOM_USER_EXISTS: {
    status: 409,
    title: 'User name taken',
    description: 'Another account already has this user name. Choose another one.',
  },
  SECCOM_PAYLOAD_TOO_LARGE: {
    status: 413,
    title: 'Request body too large',
    description: 'The request body is larger than the server accepts (a booking file up to 50 MB, JSON up to 1 MB).',
  },
  SECCOM_UNSUPPORTED_MEDIA: {
    status: 415,
    title: 'Unsupported content type',
    description: 'Send JSON (`application/json`), or for a booking file `application/octet-stream` with the ANSI/NIST-ITL transaction.',
  },
  SECCOM_CONSOLE_NOT_BUILT: {
    status: 503,
    title: 'Console not built',
    description:
      'The web console (web/dist) is missing and could not be built because vite is not installed (`npm install --omit=dev`). Run `npm install` and restart; the API works without it.',
  },
});
