/** Path → view, with the permission each needs (the server enforces it again on every request). */
import type { ReactNode } from 'react';
import { Account } from './views/account.tsx';
import { AdminJurisdiction, AdminJurisdictions } from './views/admin-jurisdictions.tsx';
import { AdminUsers } from './views/admin-users.tsx';
import { Audit } from './views/audit.tsx';
import { Dashboard } from './views/dashboard.tsx';
import { Decision } from './views/decision.tsx';
import { IarForm } from './views/iar-form.tsx';
import { Queue, decisionQueue, iaqQueue, jailQueue } from './views/queue.tsx';
import { SubmitBooking } from './views/submit.tsx';
import { BookingDetail } from './views/booking-detail.tsx';
import { Bookings } from './views/bookings.tsx';

export interface Route {
  path: string;
  permission: string;
  render(params: Record<string, string>): ReactNode;
}

export const routes: readonly Route[] = [
  { path: '/queue/iaq', permission: 'iaq.read', render: () => <Queue key="iaq" spec={iaqQueue} /> },
  { path: '/iaqs/:id', permission: 'iar.submit', render: (p) => <IarForm key={p.id} bookingId={p.id!} /> },
  { path: '/queue/decisions', permission: 'decision.make', render: () => <Queue key="ero" spec={decisionQueue} /> },
  { path: '/decisions/:id', permission: 'decision.make', render: (p) => <Decision key={p.id} bookingId={p.id!} /> },
  { path: '/queue/jail', permission: 'detainer.respond', render: () => <Queue key="jail" spec={jailQueue} /> },
  { path: '/bookings', permission: 'booking.read', render: () => <Bookings /> },
  { path: '/bookings/new', permission: 'booking.submit', render: () => <SubmitBooking /> },
  { path: '/bookings/:id', permission: 'booking.read', render: (p) => <BookingDetail key={p.id} id={p.id!} /> },
  { path: '/dashboard', permission: 'stats.read', render: () => <Dashboard /> },
  { path: '/audit', permission: 'audit.read', render: () => <Audit /> },
  { path: '/admin/users', permission: 'user.manage', render: () => <AdminUsers /> },
  { path: '/admin/jurisdictions', permission: 'jurisdiction.manage', render: () => <AdminJurisdictions /> },
  { path: '/admin/jurisdictions/:id', permission: 'jurisdiction.manage', render: (p) => <AdminJurisdiction key={p.id} id={p.id!} /> },
  { path: '/account', permission: 'token.manage', render: () => <Account /> },
];
