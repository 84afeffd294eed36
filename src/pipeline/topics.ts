/** The messages between stages (one topic per hop of DOMAIN.md §1) and where each booking's path ends. */
import type { ReleaseAct } from '../domain/detainer.ts';

export const topics = {
  /** intake → SIB */
  bookingSubmitted: 'booking.submitted',
  /** SIB → CJIS */
  cjisSearch: 'cjis.search',
  /** CJIS → IDENT, where the jurisdiction shares with DHS */
  identSearch: 'ident.search',
  /** IDENT match → LESC: the automatic IAQ */
  lescQuery: 'lesc.query',
  /** LESC's IAR → ERO */
  eroReview: 'ero.review',
  /** ERO's detainer → the jail, which lodges it */
  detainerIssued: 'detainer.issued',
  /** lodged → the jail's answer under local law */
  detainerLodged: 'detainer.lodged',
  /** honoured → ERO plans the pickup */
  detainerHonoured: 'detainer.honoured',
  /** timers the jail acts on */
  releaseDue: 'jail.release-due',
  holdExpired: 'jail.hold-expired',
  iceArrival: 'ice.arrival',
  /** a claim of US citizenship, due when it is made: stops any hold on the booking */
  citizenshipClaimed: 'citizenship.claimed',
} as const;

export type Topic = (typeof topics)[keyof typeof topics];

/** Where a booking's path ends (booking_outcomes.outcome). */
export const OUTCOMES = ['not_shared', 'no_ident_match', 'no_action', 'released', 'custody_transferred'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface BookingRef {
  bookingId: string;
}
export interface DetainerRef {
  detainerId: string;
  bookingId: string;
}

/** The jail's timer at the otherwise-release time: what it does then (release, notify ICE, hand over). */
export interface ReleaseDue extends DetainerRef {
  act: ReleaseAct;
}
