/**
 * The one permission enum and the one table of which role holds which permission. Everything not
 * listed is denied: a role gets a permission only by appearing here.
 */
export const Permission = {
  /** List and open bookings (each open of a person's record is audited). */
  BookingRead: 'booking.read',
  /** Submit a booking (livescan upload or biographics). */
  BookingSubmit: 'booking.submit',
  /** Answer a detainer under the jail's local rules (honour / decline). */
  DetainerRespond: 'detainer.respond',
  /** Work the LESC queue of immigration alien queries. */
  IaqRead: 'iaq.read',
  /** Answer an IAQ with an immigration alien response. */
  IarSubmit: 'iar.submit',
  /** Decide on a case: lodge a detainer, request notification or take no action. */
  DecisionMake: 'decision.make',
  /** Counts and trends by level, priority, conviction status, outcome and jurisdiction. */
  StatsRead: 'stats.read',
  /** Read the audit log and verify its hash chain. */
  AuditRead: 'audit.read',
  /** Create, change and disable user accounts. */
  UserManage: 'user.manage',
  /** Jurisdictions: their rule set, activation history and policy versions. */
  JurisdictionManage: 'jurisdiction.manage',
  /** Own API tokens for machine clients. */
  TokenManage: 'token.manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

export const ROLES = ['jail_officer', 'sib_operator', 'lesc_analyst', 'ero_officer', 'overseer', 'inspector', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const P = Permission;

/**
 * Least privilege: each role holds what its step needs. Overseers read statistics and cases but
 * decide nothing; only inspectors read the audit log; administrators manage accounts and
 * jurisdictions but never read a person's record.
 */
export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  jail_officer: [P.BookingRead, P.BookingSubmit, P.DetainerRespond, P.TokenManage],
  sib_operator: [P.BookingRead, P.BookingSubmit, P.TokenManage],
  lesc_analyst: [P.BookingRead, P.IaqRead, P.IarSubmit, P.TokenManage],
  ero_officer: [P.BookingRead, P.DecisionMake, P.TokenManage],
  overseer: [P.BookingRead, P.StatsRead],
  inspector: [P.BookingRead, P.StatsRead, P.AuditRead],
  admin: [P.UserManage, P.JurisdictionManage, P.TokenManage],
};

export const roleLabels: Readonly<Record<Role, string>> = {
  jail_officer: 'Jail booking officer',
  sib_operator: 'State bureau operator',
  lesc_analyst: 'LESC analyst',
  ero_officer: 'ICE ERO officer',
  overseer: 'Overseer',
  inspector: 'Inspector',
  admin: 'Administrator',
};

export function isRole(x: string): x is Role {
  return (ROLES as readonly string[]).includes(x);
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** The permissions a role holds, for the session answer (the console shows only what is allowed). */
export function permissionsOf(role: Role): readonly Permission[] {
  return rolePermissions[role];
}
