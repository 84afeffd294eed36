/**
 * A user's jurisdiction: the whole country, one state, or one county jail. Stored as text
 * ("national", "state:CT", "county:<jurisdiction id>") and checked against the role: a jail officer
 * works for one county, a bureau operator for one state, a LESC analyst for the country.
 */
import { SeccomError } from '../../errors/index.ts';
import type { Role } from './permissions.ts';

export type Scope = { kind: 'national' } | { kind: 'state'; state: string } | { kind: 'county'; jurisdictionId: string };
export type ScopeKind = Scope['kind'];

/** Which scope kinds each role may hold. */
const allowedKinds: Readonly<Record<Role, readonly ScopeKind[]>> = {
  jail_officer: ['county'],
  sib_operator: ['state'],
  lesc_analyst: ['national'],
  ero_officer: ['state', 'national'],
  overseer: ['county', 'state', 'national'],
  inspector: ['national'],
  admin: ['national'],
};

export function parseScope(text: string): Scope {
  if (text === 'national') return { kind: 'national' };
  const state = /^state:([A-Z]{2})$/.exec(text);
  if (state) return { kind: 'state', state: state[1]! };
  const county = /^county:([a-z0-9][a-z0-9-]{0,62})$/.exec(text);
  if (county) return { kind: 'county', jurisdictionId: county[1]! };
  throw new SeccomError('SECCOM_INVALID_ARGUMENT', `scope must be "national", "state:XX" (two capital letters) or "county:<jurisdiction id>", got "${text}"`, {
    location: { field: 'scope' },
  });
}

export function formatScope(scope: Scope): string {
  switch (scope.kind) {
    case 'national':
      return 'national';
    case 'state':
      return `state:${scope.state}`;
    case 'county':
      return `county:${scope.jurisdictionId}`;
  }
}

/** Throws SECCOM_INVALID_ARGUMENT when the role cannot hold a scope of this kind. */
export function assertScopeFitsRole(role: Role, scope: Scope): void {
  const kinds = allowedKinds[role];
  if (!kinds.includes(scope.kind)) {
    throw new SeccomError('SECCOM_INVALID_ARGUMENT', `a ${role} works at ${kinds.join(' or ')} level, not ${scope.kind}`, { location: { field: 'scope' } });
  }
}
