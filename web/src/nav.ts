/** The console's sections; each is shown only to roles holding its permission (the server checks again). */
export interface NavItem {
  href: string;
  label: string;
  permission: string;
}

export const navItems: readonly NavItem[] = [
  { href: '/queue/iaq', label: 'IAQ queue', permission: 'iaq.read' },
  { href: '/queue/decisions', label: 'Decisions', permission: 'decision.make' },
  { href: '/dashboard', label: 'Oversight', permission: 'stats.read' },
  { href: '/bookings', label: 'Bookings', permission: 'booking.read' },
  { href: '/queue/jail', label: 'Detainers to answer', permission: 'detainer.respond' },
  { href: '/bookings/new', label: 'Submit booking', permission: 'booking.submit' },
  { href: '/audit', label: 'Audit log', permission: 'audit.read' },
  { href: '/admin/users', label: 'Users', permission: 'user.manage' },
  { href: '/admin/jurisdictions', label: 'Jurisdictions', permission: 'jurisdiction.manage' },
  { href: '/account', label: 'API tokens', permission: 'token.manage' },
];
