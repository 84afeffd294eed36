/**
 * The state machine of an ICE request to a jail (DOMAIN.md §4): a detainer (I-247, I-247D), a
 * request for notification of release (I-247N) or for voluntary transfer (I-247X). requested →
 * lodged → honoured / declined / cancelled; a hold then ends in custody transferred, lapsed or
 * cancelled; at the release time a jail that notifies ICE records it (notified) before releasing.
 * Lapse is automatic when the hold's clock expires. Nothing is deleted: every transition is
 * appended to the request's history.
 */
import { SeccomError } from '../errors/index.ts';

export const DETAINER_STATES = ['requested', 'lodged', 'honoured', 'declined', 'lapsed', 'cancelled', 'notified', 'custody_transferred', 'released'] as const;
export type DetainerState = (typeof DETAINER_STATES)[number];

const allowed: Readonly<Record<DetainerState, readonly DetainerState[]>> = {
  requested: ['lodged', 'cancelled'],
  lodged: ['honoured', 'declined', 'cancelled'],
  // Honoured: a hold ends in custody, lapse or withdrawal; a transfer in custody at release; a
  // notification is given at release; a claim of US citizenship cancels any of them.
  honoured: ['custody_transferred', 'lapsed', 'cancelled', 'notified'],
  // A hold declined with notification only (California Values Act) is still notified at release.
  declined: ['released', 'notified'],
  lapsed: ['released'],
  cancelled: ['released'],
  notified: ['released'],
  custody_transferred: [],
  released: [],
};

export function canTransition(from: DetainerState, to: DetainerState): boolean {
  return allowed[from].includes(to);
}

export function isTerminal(state: DetainerState): boolean {
  return allowed[state].length === 0;
}

/** The next state, or SECCOM_DETAINER_TRANSITION when the machine does not allow it. */
export function transition(detainerId: string, from: DetainerState, to: DetainerState): DetainerState {
  if (!canTransition(from, to)) {
    throw new SeccomError('SECCOM_DETAINER_TRANSITION', `detainer ${detainerId} cannot go from ${from} to ${to}`, {
      location: { detainer: detainerId },
      details: { from, to, allowed: allowed[from] },
    });
  }
  return to;
}

/** The requests that ask the jail to hold the person (the `detainers` figures count these). */
export const HOLD_FORMS = ['I-247', 'I-247D'] as const;

/** What the jail does at the otherwise-release time, from the request and its answer. */
export type ReleaseAct = 'release' | 'notify' | 'transfer';

/**
 * The jail's acts for an answer (docs/policy-language.md: honour does what the request asks;
 * notify-only tells ICE the release time without holding; decline does neither).
 */
export function jailActs(form: string, response: 'honour' | 'notify-only' | 'decline'): { hold: boolean; atRelease: ReleaseAct } {
  const hold = response === 'honour' && (HOLD_FORMS as readonly string[]).includes(form);
  if (response === 'decline') return { hold: false, atRelease: 'release' };
  if (response === 'notify-only') return { hold: false, atRelease: 'notify' };
  return { hold, atRelease: form === 'I-247X' ? 'transfer' : hold ? 'release' : 'notify' };
}
