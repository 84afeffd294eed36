/**
 * The bookings a user may see, from role and scope (deny by default: a role not listed here sees
 * none). The store applies it in SQL to every list, count and read, so a booking outside it answers
 * "not found", the same as a missing one.
 */
import { SeccomError } from '../../errors/index.ts';
import type { BookingVisibility } from '../../store/queries/visibility.ts';
import { hasPermission, Permission } from './permissions.ts';
import type { Principal } from './principal.ts';

export function bookingVisibility(p: Principal): BookingVisibility {
  if (!hasPermission(p.role, Permission.BookingRead)) {
    throw new SeccomError('SECCOM_FORBIDDEN', `your role (${p.role}) does not read bookings`);
  }
  const where: BookingVisibility =
    p.scope.kind === 'county' ? { jurisdictionId: p.scope.jurisdictionId } : p.scope.kind === 'state' ? { state: p.scope.state } : {};
  // LESC and ERO work one step of the flow: they see a booking once it reached them.
  if (p.role === 'lesc_analyst') return { ...where, reached: 'iaq' };
  if (p.role === 'ero_officer') return { ...where, reached: 'iar' };
  return where;
}
