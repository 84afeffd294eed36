import { setTimeout as sleep } from 'node:timers/promises';
import { SeccomError, isSeccomError } from '../../errors/index.ts';
import { loadRuleBook } from '../../policy/index.ts';
import { defaultConsoleSteps, parseConsoleSteps } from '../../server/console-setup.ts';
import { createConsolePipeline } from '../../server/steps/pipeline.ts';
import { SharedClock } from '../../sim/shared-clock.ts';
import { numberOption, parseCommandArgs, type Command } from '../command.ts';
import { busArgOptions, busArgUsage, busTargetFromArgs, checkStages, openBus, stagesFromArgs } from '../bus-args.ts';
import { openStoreFromArgs, storeArgOptions, storeArgUsage } from '../store-args.ts';

const usage = `Usage: seccom worker --stage NAMES --bus URL --store URL [--batch N] [--console-steps all|none|IDS]

Runs some stages of the pipeline in this process, on messages from NATS JetStream shared with every
other process running the same stages: start several workers for a busy stage. The main job
(\`seccom start --bus URL [--stages …]\`) submits the bookings; workers follow its simulated time
through the store. SIGINT/SIGTERM stops after the batch in hand; a killed worker's unacknowledged
messages go to the others after the ack wait, and nothing is applied twice.
  --stage NAMES  the stages to run, comma-separated, e.g. ident or ident,lesc (a wrong name lists them).
                 CJIS enrols new subjects into its own process's search gallery: run it in one
                 process only (several IDENT, LESC or SIB workers are fine)
${busArgUsage}
${storeArgUsage}
  --batch N      messages a pull takes from a topic (default 250; smaller spreads a burst over the workers)
  --console-steps  as given to \`seccom start\` (which bookings' LESC, ERO and jail steps wait for
                 people in the console; default ${defaultConsoleSteps})`;

/** Real ms to wait when a pump found nothing to do. */
const idleMs = 200;

const command: Command = {
  summary: 'run pipeline stages as a separate process on the shared JetStream bus (scale-out)',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...storeArgOptions, ...busArgOptions, stage: { type: 'string' }, batch: { type: 'string' }, 'console-steps': { type: 'string' } }, usage);
    const target = busTargetFromArgs(values);
    if (!target || values.stage === undefined) throw new SeccomError('SECCOM_USAGE', `a worker needs --stage and --bus\n\n${usage}`);
    const stages = stagesFromArgs(values.stage, target, 'stage')!;
    const batchSize = Math.floor(numberOption(values.batch, 'batch', 250, 1));
    const steps = parseConsoleSteps(values['console-steps'] ?? defaultConsoleSteps);
    const store = await openStoreFromArgs(values);
    const clock = await SharedClock.open(store);
    try {
      const { bus, filter } = await openBus(store, clock, target, stages, { batchSize });
      const { pipeline } = await createConsolePipeline(store, clock, loadRuleBook(), steps, { bus });
      await checkStages(pipeline, filter, stages);
      io.out(`seccom worker: stages ${stages.join(', ')} on NATS ${target.servers} stream ${target.stream}, store ${store.kind} at ${store.location}`);

      let running = true;
      let handled = 0;
      const loop = (async () => {
        while (running) {
          try {
            const n = await pipeline.bus.pump();
            handled += n;
            if (n === 0) await sleep(idleMs);
          } catch (e) {
            // Keep going: what failed is still in the outbox or unacknowledged in JetStream.
            const err = isSeccomError(e) ? `${e.code}: ${e.message}` : ((e as Error)?.stack ?? String(e));
            io.err(`seccom worker: ${err}; retrying`);
            await sleep(1000);
          }
        }
      })();
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      running = false;
      await pipeline.close(); // lets the pump in progress finish its batch first
      await loop;
      io.out(`seccom worker: stopped after ${handled} messages`);
      return 0;
    } finally {
      clock.close();
      await store.close();
    }
  },
};
export default command;
