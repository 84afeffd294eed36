/**
 * Sign-in, sessions and API tokens. Sessions last one shift (12 h) and live in the store, so a
 * restart keeps people signed in and several server processes share them. Failed sign-ins are
 * throttled per user name; an unknown name costs the same Argon2 work as a wrong password.
 */
import { randomUUID } from 'node:crypto';
import { SeccomError } from '../../errors/index.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Store } from '../../store/store.ts';
import {
  apiTokensOf,
  endSession,
  insertApiToken,
  insertSession,
  liveApiToken,
  liveSession,
  revokeApiToken,
  touchApiToken,
  userByUsername,
  type ApiTokenRow,
  type UserRow,
} from '../../store/repos/accounts.ts';
import { isRole } from '../access/permissions.ts';
import { parseScope } from '../access/scope.ts';
import { actorOf, type Principal } from '../access/principal.ts';
import { decoyHash, verifyPassword } from './password.ts';
import { digest, newApiToken, newSecret } from './secrets.ts';

export const sessionHours = 12;
const throttleWindowMs = 15 * 60_000;
const throttleAfter = 5;
/** lastUsedAt of a token is refreshed at most this often, so machine clients do not write on every call. */
const touchEveryMs = 60_000;

export function principalOf(user: UserRow, via: Principal['via'], session?: { csrfToken: string; idHash: string }): Principal {
  if (!isRole(user.role)) throw new SeccomError('SECCOM_INTERNAL', `user ${user.username} has unknown role "${user.role}"`);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    ori: user.ori,
    scope: parseScope(user.scope),
    timeZone: user.timeZone,
    via,
    csrfToken: session?.csrfToken,
    sessionIdHash: session?.idHash,
  };
}

export class AuthService {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #failures = new Map<string, { count: number; since: number }>();
  readonly #touched = new Map<string, number>();

  constructor(store: Store, clock: Clock) {
    this.#store = store;
    this.#clock = clock;
  }

  /** Checks the password and opens a session; the session id goes in the cookie, never in the store. */
  async login(username: string, password: string): Promise<{ sessionId: string; principal: Principal }> {
    const now = Date.now();
    const f = this.#failures.get(username);
    if (f && f.count >= throttleAfter && now - f.since < throttleWindowMs) {
      const retryAfterSeconds = Math.ceil((f.since + throttleWindowMs - now) / 1000);
      throw new SeccomError('SECCOM_LOGIN_THROTTLED', `too many failed sign-ins for "${username}"; try again in ${retryAfterSeconds} s`, {
        details: { retryAfterSeconds },
      });
    }
    const user = await userByUsername(this.#store.db, username);
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !ok || user.disabledAt) {
      const fresh = !f || now - f.since >= throttleWindowMs;
      this.#failures.set(username, fresh ? { count: 1, since: now } : { count: f.count + 1, since: f.since });
      throw new SeccomError('SECCOM_LOGIN_FAILED', 'the user name or password is wrong');
    }
    this.#failures.delete(username);
    const sessionId = newSecret();
    const idHash = digest(sessionId);
    const csrfToken = newSecret();
    const at = this.#clock.now();
    await this.#store.transaction((tx) =>
      insertSession(
        tx,
        { idHash, userId: user.id, csrfToken, createdAt: new Date(now), expiresAt: new Date(now + sessionHours * 3_600_000) },
        { actor: actorOf(user), at },
      ),
    );
    return { sessionId, principal: principalOf(user, 'session', { csrfToken, idHash }) };
  }

  async fromSession(sessionId: string): Promise<Principal | undefined> {
    const idHash = digest(sessionId);
    const found = await liveSession(this.#store.db, idHash, new Date());
    return found && principalOf(found.user, 'session', { csrfToken: found.session.csrfToken, idHash });
  }

  async fromToken(token: string): Promise<Principal | undefined> {
    const found = await liveApiToken(this.#store.db, digest(token));
    if (!found) return undefined;
    const now = Date.now();
    if (now - (this.#touched.get(found.token.id) ?? 0) > touchEveryMs) {
      this.#touched.set(found.token.id, now);
      await touchApiToken(this.#store.db, found.token.id, new Date(now));
    }
    return principalOf(found.user, 'token');
  }

  async logout(p: Principal): Promise<void> {
    const idHash = p.sessionIdHash;
    if (!idHash) return;
    await this.#store.transaction((tx) => endSession(tx, idHash, { actor: actorOf(p), at: this.#clock.now() }));
  }

  async createToken(p: Principal, name: string): Promise<{ row: ApiTokenRow; token: string }> {
    const token = newApiToken();
    const row: ApiTokenRow = { id: randomUUID(), userId: p.userId, name, tokenHash: digest(token), createdAt: new Date(), lastUsedAt: null, revokedAt: null };
    await this.#store.transaction((tx) => insertApiToken(tx, row, { actor: actorOf(p), at: this.#clock.now() }));
    return { row, token };
  }

  tokensOf(p: Principal, opts: { q?: string; after?: { createdAt: Date; id: string }; limit: number }): Promise<ApiTokenRow[]> {
    return apiTokensOf(this.#store.db, p.userId, opts);
  }

  async revokeToken(p: Principal, id: string): Promise<void> {
    const done = await this.#store.transaction((tx) => revokeApiToken(tx, p.userId, id, { actor: actorOf(p), at: this.#clock.now() }));
    if (!done) throw new SeccomError('SECCOM_NOT_FOUND', `no API token ${id} of yours`);
  }
}
