/**
 * Account administration, shared by the admin API and `seccom user`: create (with a generated
 * password unless one is given), change role, scope or password, disable. Every change is audited
 * with the acting user or "cli:<os user>".
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { SeccomError } from '../../errors/index.ts';
import type { Clock } from '../../domain/clock.ts';
import type { RuleBook } from '../../policy/rule-book.ts';
import { assertTimeZone } from '../../policy/time/zoned-time.ts';
import type { Store } from '../../store/store.ts';
import type { Db } from '../../store/db.ts';
import { jurisdictions } from '../../store/schema/index.ts';
import { endUserSessions, insertUser, listUsers, updateUser, userById, userByUsername, type UserRow } from '../../store/repos/accounts.ts';
import { isRole, roleLabels, ROLES, type Role } from '../access/permissions.ts';
import { assertScopeFitsRole, parseScope, type Scope } from '../access/scope.ts';
import { generatePassword, hashPassword, minPasswordLength } from '../auth/password.ts';
import { scopeTimeZone } from './time-zones.ts';
import type { UserView } from '../contract/session.ts';

export interface NewUserInput {
  username: string;
  displayName: string;
  role: string;
  ori: string;
  scope: string;
  timeZone?: string;
  /** Generated (and returned once) when absent. */
  password?: string;
}

export interface UserChange {
  displayName?: string;
  role?: string;
  ori?: string;
  scope?: string;
  timeZone?: string;
  password?: string;
  disabled?: boolean;
}

const usernamePattern = /^[a-z][a-z0-9._-]{1,63}$/;
const oriPattern = /^[A-Z0-9]{9}$/;

function invalid(field: string, message: string): SeccomError {
  return new SeccomError('SECCOM_INVALID_ARGUMENT', message, { location: { field } });
}

function checkRole(role: string): Role {
  if (!isRole(role)) throw invalid('role', `role must be one of ${ROLES.join(', ')}, got "${role}"`);
  return role;
}

function checkPassword(password: string): void {
  if (password.length < minPasswordLength) throw invalid('password', `a password needs at least ${minPasswordLength} characters`);
}

function checkOri(ori: string): void {
  if (!oriPattern.test(ori)) throw invalid('ori', `an ORI is 9 capital letters or digits, got "${ori}"`);
}

export function scopeLabel(scope: Scope, countyName?: string): string {
  switch (scope.kind) {
    case 'national':
      return 'National';
    case 'state':
      return `State of ${scope.state}`;
    case 'county':
      return countyName ?? scope.jurisdictionId;
  }
}

export class UserService {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #book: RuleBook;

  constructor(store: Store, clock: Clock, book: RuleBook) {
    this.#store = store;
    this.#clock = clock;
    this.#book = book;
  }

  async #county(db: Db, scope: Scope) {
    if (scope.kind !== 'county') return undefined;
    const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, scope.jurisdictionId));
    if (!j) throw invalid('scope', `no jurisdiction "${scope.jurisdictionId}" in the store`);
    return j;
  }

  /** Checks role and scope together and returns the time zone the user will read times in. */
  async #placement(role: Role, scopeText: string, timeZone: string | undefined): Promise<{ scope: Scope; timeZone: string }> {
    const scope = parseScope(scopeText);
    assertScopeFitsRole(role, scope);
    const county = await this.#county(this.#store.db, scope);
    if (timeZone !== undefined) {
      try {
        assertTimeZone(timeZone);
      } catch {
        throw invalid('timeZone', `unknown time zone "${timeZone}" (an IANA name such as America/Chicago)`);
      }
    }
    return { scope, timeZone: timeZone ?? scopeTimeZone(this.#book, scope, county) };
  }

  async create(input: NewUserInput, actor: string): Promise<{ user: UserRow; password: string }> {
    if (!usernamePattern.test(input.username)) {
      throw invalid('username', 'a user name is 2–64 lower-case letters, digits, dot, dash or underscore, starting with a letter');
    }
    if (!input.displayName.trim()) throw invalid('displayName', 'a display name is required');
    const role = checkRole(input.role);
    checkOri(input.ori);
    const { timeZone } = await this.#placement(role, input.scope, input.timeZone);
    const password = input.password ?? generatePassword();
    checkPassword(password);
    if (await userByUsername(this.#store.db, input.username)) throw new SeccomError('SECCOM_USER_EXISTS', `user "${input.username}" already exists`);
    const user: UserRow = {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName.trim(),
      passwordHash: await hashPassword(password),
      role,
      ori: input.ori,
      scope: input.scope,
      timeZone,
      createdAt: this.#clock.now(),
      disabledAt: null,
    };
    try {
      await this.#store.transaction((tx) => insertUser(tx, user, { actor, at: this.#clock.now() }));
    } catch (e) {
      // Two creations of the same name at once: the unique index decides.
      if (await userByUsername(this.#store.db, input.username)) throw new SeccomError('SECCOM_USER_EXISTS', `user "${input.username}" already exists`);
      throw e;
    }
    return { user, password };
  }

  async change(id: string, change: UserChange, actor: string): Promise<UserRow> {
    const current = await userById(this.#store.db, id);
    if (!current) throw new SeccomError('SECCOM_NOT_FOUND', `no user ${id}`);
    const role = checkRole(change.role ?? current.role);
    if (change.ori !== undefined) checkOri(change.ori);
    const scopeText = change.scope ?? current.scope;
    const placement = await this.#placement(role, scopeText, change.timeZone ?? (change.scope === undefined ? current.timeZone : undefined));
    if (change.password !== undefined) checkPassword(change.password);
    const now = this.#clock.now();
    const set = {
      ...(change.displayName !== undefined ? { displayName: change.displayName.trim() } : {}),
      ...(change.role !== undefined ? { role } : {}),
      ...(change.ori !== undefined ? { ori: change.ori } : {}),
      ...(change.scope !== undefined ? { scope: scopeText } : {}),
      ...(placement.timeZone !== current.timeZone ? { timeZone: placement.timeZone } : {}),
      ...(change.password !== undefined ? { passwordHash: await hashPassword(change.password) } : {}),
      ...(change.disabled !== undefined ? { disabledAt: change.disabled ? (current.disabledAt ?? now) : null } : {}),
    };
    if (Object.keys(set).length === 0) return current;
    await this.#store.transaction(async (tx) => {
      await updateUser(tx, id, set, { actor, at: now });
      // A new password, role or jurisdiction, or a disabled account, ends the sessions opened before.
      if (set.passwordHash || set.role || set.scope || change.disabled) await endUserSessions(tx, id, new Date());
    });
    return (await userById(this.#store.db, id))!;
  }

  async byUsername(username: string): Promise<UserRow> {
    const u = await userByUsername(this.#store.db, username);
    if (!u) throw new SeccomError('SECCOM_NOT_FOUND', `no user "${username}"`);
    return u;
  }

  list(opts: { after?: string; limit: number; q?: string }): Promise<UserRow[]> {
    return listUsers(this.#store.db, opts);
  }

  /** The public view of a user (never the password hash). */
  async view(u: UserRow): Promise<UserView> {
    const scope = parseScope(u.scope);
    const county = scope.kind === 'county' ? await this.#county(this.#store.db, scope).catch(() => undefined) : undefined;
    const role = checkRole(u.role);
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role,
      roleLabel: roleLabels[role],
      ori: u.ori,
      scope: u.scope,
      scopeLabel: scopeLabel(scope, county?.name),
      timeZone: u.timeZone,
      disabled: u.disabledAt !== null,
    };
  }
}
