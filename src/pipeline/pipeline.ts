/**
 * Wires the stages onto a bus over a store: the embedded default (OutboxBus), with the policy
 * engine's rule book (policies/*.policy) for ERO, the jail and participation, the 1:N search
 * engine (src/biometrics/search: state AFIS, CJIS, IDENT) and the placeholder pickup planner,
 * unless other ports are given.
 */
import type { Bus } from '../bus/bus.ts';
import { OutboxBus, type OutboxBusOptions } from '../bus/outbox-bus.ts';
import type { Clock } from '../domain/clock.ts';
import type { BookingSubmission } from '../domain/booking.ts';
import type { Store } from '../store/store.ts';
import { openEngineSearches } from '../biometrics/search/tenprint-port.ts';
import { submitBookings, type Submitted } from './intake.ts';
import { ruleBookParticipation } from './participation.ts';
import type { PickupPlanner, PipelinePorts } from './ports.ts';
import { ruleBookPolicy } from './rule-book-policy.ts';
import { stageHandler, type Stage } from './stage.ts';
import { cjisStage } from './stages/cjis.ts';
import { claimsStage } from './stages/claims.ts';
import { detainerStage } from './stages/detainer.ts';
import { eroStage } from './stages/ero.ts';
import { identStage } from './stages/ident.ts';
import { jailStage } from './stages/jail.ts';
import { lescStage } from './stages/lesc.ts';
import { sibStage } from './stages/sib.ts';

export interface Pipeline {
  readonly bus: Bus;
  readonly stages: readonly Stage[];
  submit(bookings: readonly BookingSubmission[]): Promise<Submitted[]>;
  close(): Promise<void>;
}

/** PLACEHOLDER pickup planner: ICE arrives 2 to 60 hours after the person becomes releasable, by a hash of the detainer id. */
export const hashedPickup: PickupPlanner = {
  delayMs(detainerId) {
    const h = [...detainerId].reduce((x, ch) => (Math.imul(x, 31) + ch.charCodeAt(0)) >>> 0, 17);
    return (2 + (h % 59)) * 3_600_000;
  },
};

export function buildStages(ports: PipelinePorts): Stage[] {
  return [
    sibStage(ports.participation, ports.stateSearch),
    cjisStage(ports.cjisSearch),
    identStage(ports.identSearch),
    lescStage,
    eroStage(ports.policy, ports.pickup),
    detainerStage,
    jailStage(ports.policy),
    claimsStage,
  ];
}

export async function createPipeline(
  store: Store,
  clock: Clock,
  opts: { ports?: Partial<PipelinePorts>; bus?: Bus; busOptions?: OutboxBusOptions } = {},
): Promise<Pipeline> {
  const searches = opts.ports?.stateSearch && opts.ports.cjisSearch && opts.ports.identSearch ? undefined : await openEngineSearches(store);
  const ports: PipelinePorts = {
    stateSearch: opts.ports?.stateSearch ?? searches!.stateSearch,
    cjisSearch: opts.ports?.cjisSearch ?? searches!.cjisSearch,
    identSearch: opts.ports?.identSearch ?? searches!.identSearch,
    policy: opts.ports?.policy ?? ruleBookPolicy(),
    participation: opts.ports?.participation ?? ruleBookParticipation(),
    pickup: opts.ports?.pickup ?? hashedPickup,
  };
  const bus = opts.bus ?? new OutboxBus(store, clock, opts.busOptions);
  const stages = buildStages(ports);
  for (const stage of stages) {
    const handler = stageHandler(store, clock, stage);
    for (const topic of stage.topics) bus.subscribe(topic, stage.name, handler);
  }
  return {
    bus,
    stages,
    submit: (bookings) => submitBookings(store, clock, bookings),
    close: async () => {
      await bus.close();
      await searches?.close();
    },
  };
}
