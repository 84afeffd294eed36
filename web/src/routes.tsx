/** Path → view, with the permission each needs (the server enforces it again on every request). */
import type { ReactNode } from 'react';
import { Account } from './views/account.tsx';
import { Audit } from './views/audit.tsx';
import { Dashboard } from './views/dashboard.tsx';
import { BookingDetail } from './views/booking-detail.tsx';
import { Bookings } from './views/bookings.tsx';

export interface Route {
  path: string;
  permission: string;
  render(params: Record<string, string>): ReactNode;
}

export const routes: readonly Route[] = [
  { path: '/bookings', permission: 'booking.read', render: () => <Bookings /> },
  { path: '/bookings/:id', permission: 'booking.read', render: (p) => <BookingDetail key={p.id} id={p.id!} /> },
  { path: '/dashboard', permission: 'stats.read', render: () => <Dashboard /> },
  { path: '/audit', permission: 'audit.read', render: () => <Audit /> },
  { path: '/account', permission: 'token.manage', render: () => <Account /> },
];
