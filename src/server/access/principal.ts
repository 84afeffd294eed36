/** Who is making a request: the signed-in user (by session cookie or API token), as every check sees it. */
import type { Role } from './permissions.ts';
import type { Scope } from './scope.ts';

export interface Principal {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly ori: string;
  readonly scope: Scope;
  readonly timeZone: string;
  readonly via: 'session' | 'token';
  /** The session's CSRF token; state changes over the cookie must echo it. */
  readonly csrfToken?: string;
  readonly sessionIdHash?: string;
}

/** The audit actor of a user: stable and readable, since user names are unique and never reused. */
export function actorOf(p: Pick<Principal, 'username'>): string {
  return `user:${p.username}`;
}
