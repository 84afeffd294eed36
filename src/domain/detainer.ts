/**
 * The detainer's state machine (DOMAIN.md §4): requested → lodged → honoured / declined / lapsed /
 * cancelled → custody transferred / released. Lapse is automatic when the hold's clock expires.
 * Nothing is deleted: every transition is appended to the detainer's history.
 */
import { SeccomError } from '../errors/index.ts';

export const DETAINER_STATES = ['requested', 'lodged', 'honoured', 'declined', 'lapsed', 'cancelled', 'custody_transferred', 'released'] as const;
export type DetainerState = (typeof DETAINER_STATES)[number];

const allowed: Readonly<Record<DetainerState, readonly DetainerState[]>> = {
  requested: ['lodged', 'cancelled'],
  lodged: ['honoured', 'declined', 'cancelled'],
  // While honoured the person is held: ICE takes custody, the clock runs out, or ICE withdraws.
  honoured: ['custody_transferred', 'lapsed', 'cancelled'],
  declined: ['released'],
  lapsed: ['released'],
  cancelled: ['released'],
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
