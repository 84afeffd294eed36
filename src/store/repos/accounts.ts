/**
 * Repository of accounts: users, sessions and API tokens. Every write is audited in the same
 * transaction; the audit entry never carries a secret or its hash.
 */
import { and, asc, eq, gt, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { appendAudit } from '../audit.ts';
import type { WriteContext } from '../audited.ts';
import type { Db } from '../db.ts';
import { apiTokens, sessions, users } from '../schema/accounts.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

function userAuditView(u: Partial<NewUser>): Record<string, unknown> {
  const { passwordHash, ...rest } = u;
  return passwordHash === undefined ? rest : { ...rest, password: 'set' };
}

export async function insertUser(tx: Db, user: NewUser, ctx: WriteContext): Promise<void> {
  await tx.insert(users).values(user);
  await appendAudit(tx, [{ at: ctx.at, actor: ctx.actor, action: 'insert', entity: 'users', entityId: user.id, data: userAuditView(user) }]);
}

export async function updateUser(
  tx: Db,
  id: string,
  set: Partial<Pick<NewUser, 'displayName' | 'passwordHash' | 'role' | 'ori' | 'scope' | 'timeZone' | 'disabledAt'>>,
  ctx: WriteContext,
): Promise<boolean> {
  const updated = await tx.update(users).set(set).where(eq(users.id, id)).returning({ id: users.id });
  if (updated.length === 0) return false;
  await appendAudit(tx, [{ at: ctx.at, actor: ctx.actor, action: 'update', entity: 'users', entityId: id, data: userAuditView(set) }]);
  return true;
}

export async function userByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  return u;
}

export async function userById(db: Db, id: string): Promise<UserRow | undefined> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u;
}

/** Users ordered by user name, keyset-paged on it; `q` matches the start of the user name or display name. */
export async function listUsers(db: Db, opts: { after?: string; limit: number; q?: string }): Promise<UserRow[]> {
  const where: SQL[] = [];
  if (opts.after !== undefined) where.push(gt(users.username, opts.after));
  if (opts.q) {
    const like = `${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(users.username, like), ilike(users.displayName, like))!);
  }
  return db
    .select()
    .from(users)
    .where(and(...where))
    .orderBy(asc(users.username))
    .limit(opts.limit);
}

export async function insertSession(tx: Db, s: typeof sessions.$inferInsert, ctx: WriteContext): Promise<void> {
  await tx.insert(sessions).values(s);
  await appendAudit(tx, [
    { at: ctx.at, actor: ctx.actor, action: 'insert', entity: 'sessions', entityId: s.idHash.slice(0, 16), data: { userId: s.userId, expiresAt: s.expiresAt } },
  ]);
}

/** The live session with this id hash and its (enabled) user, or undefined. */
export async function liveSession(db: Db, idHash: string, now: Date): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), isNull(sessions.endedAt), gt(sessions.expiresAt, now), isNull(users.disabledAt)));
  return row;
}

export async function endSession(tx: Db, idHash: string, ctx: WriteContext): Promise<void> {
  const ended = await tx
    .update(sessions)
    .set({ endedAt: ctx.at })
    .where(and(eq(sessions.idHash, idHash), isNull(sessions.endedAt)))
    .returning({ userId: sessions.userId });
  if (ended.length === 0) return;
  await appendAudit(tx, [{ at: ctx.at, actor: ctx.actor, action: 'update', entity: 'sessions', entityId: idHash.slice(0, 16), data: { ended: true } }]);
}

/** Ends every open session of a user (disabled account, changed password). */
export async function endUserSessions(tx: Db, userId: string, at: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ endedAt: at })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)));
}

export async function insertApiToken(tx: Db, t: typeof apiTokens.$inferInsert, ctx: WriteContext): Promise<void> {
  await tx.insert(apiTokens).values(t);
  await appendAudit(tx, [{ at: ctx.at, actor: ctx.actor, action: 'insert', entity: 'api_tokens', entityId: t.id, data: { userId: t.userId, name: t.name } }]);
}

/** The unrevoked token with this hash and its (enabled) user, or undefined. */
export async function liveApiToken(db: Db, tokenHash: string): Promise<{ token: ApiTokenRow; user: UserRow } | undefined> {
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), isNull(users.disabledAt)));
  return row;
}

/** Records when a token was last used; not audited (each request it authorises is). */
export async function touchApiToken(db: Db, id: string, at: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
}

/** A user's live tokens, oldest first, a keyset page at a time; `q` finds names containing it. */
export async function apiTokensOf(db: Db, userId: string, opts: { q?: string; after?: { createdAt: Date; id: string }; limit: number }): Promise<ApiTokenRow[]> {
  const where = [eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)];
  if (opts.q) where.push(sql`lower(${apiTokens.name}) LIKE ${`%${opts.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (opts.after) where.push(sql`(${apiTokens.createdAt}, ${apiTokens.id}) > (${opts.after.createdAt.toISOString()}::timestamptz, ${opts.after.id})`);
  return db
    .select()
    .from(apiTokens)
    .where(and(...where))
    .orderBy(asc(apiTokens.createdAt), asc(apiTokens.id))
    .limit(opts.limit);
}

/** Revokes one of the user's own tokens; false when it is not theirs or already revoked. */
export async function revokeApiToken(tx: Db, userId: string, id: string, ctx: WriteContext): Promise<boolean> {
  const done = await tx
    .update(apiTokens)
    .set({ revokedAt: ctx.at })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (done.length === 0) return false;
  await appendAudit(tx, [{ at: ctx.at, actor: ctx.actor, action: 'update', entity: 'api_tokens', entityId: id, data: { revoked: true } }]);
  return true;
}
