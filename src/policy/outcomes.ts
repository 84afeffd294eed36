/**
 * The values the engine itself understands: decisions with these names drive the ERO decision,
 * the jail's response and the detainer clock. Rule files may use any subset of each list.
 */
import { CLOCK_RULES } from './time/detainer-clock.ts';

export const LEVELS = ['level-1', 'level-2', 'level-3', 'none'] as const;
export type Level = (typeof LEVELS)[number];

/** The ICE action recommended: a detainer form, a notification or transfer request, or nothing. */
export const ACTIONS = ['I-247', 'I-247D', 'I-247N', 'I-247X', 'none'] as const;
export type EroAction = (typeof ACTIONS)[number];

/**
 * honour = do what the request asks (hold, notify, transfer); notify-only = no hold, but tell ICE
 * the release time; decline = neither.
 */
export const JAIL_RESPONSES = ['honour', 'notify-only', 'decline'] as const;
export type JailResponseValue = (typeof JAIL_RESPONSES)[number];

export const OPT_OUT_POLICIES = ['withdrawable', 'mandatory'] as const;
export type OptOutPolicy = (typeof OPT_OUT_POLICIES)[number];

/** Decisions only the federal file may make, and the values each may take. */
export const FEDERAL_DECISIONS: Readonly<Record<string, { mode?: 'sum'; values?: readonly string[] }>> = {
  'charge-level': { values: LEVELS },
  'conviction-level': { values: LEVELS },
  priority: {},
  discretion: { mode: 'sum' },
  action: { values: ACTIONS },
  'opt-out-policy': { values: OPT_OUT_POLICIES },
};

/** Decisions every jurisdiction may make; the most protective answer along the chain wins. */
export const LOCAL_DECISIONS: Readonly<Record<string, { values: readonly string[] }>> = {
  'jail-response': { values: JAIL_RESPONSES },
  clock: { values: CLOCK_RULES },
};

/**
 * How protective each local value is (higher = more): decline beats notify-only beats honour, and
 * an absolute 48 hours never ends later than 48 hours that skip weekends and holidays.
 */
export const PROTECTION: Readonly<Record<keyof typeof LOCAL_DECISIONS, Readonly<Record<string, number>>>> = {
  'jail-response': { honour: 0, 'notify-only': 1, decline: 2 },
  clock: { 'excluding-weekends-holidays': 0, absolute: 1 },
};

/** The federal file must define these (it is the default for every jurisdiction). */
export const REQUIRED_FEDERAL = ['charge-level', 'conviction-level', 'action', 'opt-out-policy', 'jail-response', 'clock'] as const;
