/**
 * The `--bus URL` option of the commands that run stages (without it: the embedded outbox bus)
 * and `--stages` / `--stage`, which stages this process runs on it.
 */
import type { Bus } from '../bus/bus.ts';
import { parseBusUrl, type JetStreamTarget } from '../bus/jetstream/bus-url.ts';
import { JetStreamBus, type JetStreamBusOptions } from '../bus/jetstream/jetstream-bus.ts';
import { OnlyConsumers } from '../bus/only-consumers.ts';
import type { Clock } from '../domain/clock.ts';
import { SeccomError } from '../errors/index.ts';
import type { Pipeline } from '../pipeline/pipeline.ts';
import type { Store } from '../store/store.ts';

export const busArgOptions = {
  bus: { type: 'string' },
} as const;

export const busArgUsage = `  --bus URL      NATS JetStream instead of the embedded outbox bus, so \`seccom worker\` processes
                 (store on PostgreSQL) share the stages: nats://HOST[:PORT][?stream=NAME&ackWait=SECONDS]
                 (default stream SECCOM, ack wait 30 s)`;

/** Parsed before anything opens, so a bad URL fails at once. */
export function busTargetFromArgs(values: { bus?: string }): JetStreamTarget | undefined {
  return values.bus === undefined ? undefined : parseBusUrl(values.bus);
}

/** A comma-separated list of stage names; only with a shared bus, where other processes run the rest. */
export function stagesFromArgs(text: string | undefined, target: JetStreamTarget | undefined, option: string): string[] | undefined {
  if (text === undefined) return undefined;
  if (!target) throw new SeccomError('SECCOM_USAGE', `--${option} needs --bus: the other stages run in other processes, which only a shared bus reaches`);
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * The bus a pipeline of this process runs on: JetStream when a target is given (undefined: the
 * pipeline's embedded default), restricted to `stages` when given.
 */
export async function openBus(store: Store, clock: Clock, target: JetStreamTarget | undefined, stages: string[] | undefined, options: JetStreamBusOptions = {}): Promise<{ bus?: Bus; filter?: OnlyConsumers }> {
  if (!target) return {};
  const bus = await JetStreamBus.open(store, clock, target, options);
  if (!stages) return { bus };
  const filter = new OnlyConsumers(bus, (stage) => stages.includes(stage));
  return { bus: filter, filter };
}

/** Fails (closing the pipeline) when a stage asked for is not one of the pipeline's. */
export async function checkStages(pipeline: Pipeline, filter: OnlyConsumers | undefined, stages: string[] | undefined): Promise<void> {
  const unknown = (stages ?? []).filter((s) => !filter?.offered.has(s));
  if (unknown.length === 0) return;
  await pipeline.close();
  throw new SeccomError('SECCOM_USAGE', `unknown stage ${unknown.join(', ')}; the stages are ${[...(filter?.offered ?? [])].join(', ')}`);
}
