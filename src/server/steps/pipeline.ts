/** The pipeline with its human steps gated for the console (see ./gate.ts). */
import type { Bus } from '../../bus/bus.ts';
import { OutboxBus, type OutboxBusOptions } from '../../bus/outbox-bus.ts';
import type { Clock } from '../../domain/clock.ts';
import type { RuleBook } from '../../policy/index.ts';
import { createPipeline, type Pipeline } from '../../pipeline/pipeline.ts';
import type { PipelinePorts } from '../../pipeline/ports.ts';
import { ruleBookPolicy } from '../../pipeline/rule-book-policy.ts';
import type { Store } from '../../store/store.ts';
import { ConsoleGate, type HumanSteps } from './gate.ts';
import { consolePolicy } from './policy.ts';

export interface ConsolePipeline {
  pipeline: Pipeline;
  gate: ConsoleGate;
}

export async function createConsolePipeline(
  store: Store,
  clock: Clock,
  book: RuleBook,
  steps: HumanSteps,
  opts: { ports?: Partial<PipelinePorts>; busOptions?: OutboxBusOptions; bus?: Bus } = {},
): Promise<ConsolePipeline> {
  const gate = new ConsoleGate(opts.bus ?? new OutboxBus(store, clock, opts.busOptions), store, clock, steps);
  const policy = consolePolicy(opts.ports?.policy ?? ruleBookPolicy({ book }), gate);
  const pipeline = await createPipeline(store, clock, { bus: gate, ports: { ...opts.ports, policy } });
  return { pipeline, gate };
}
