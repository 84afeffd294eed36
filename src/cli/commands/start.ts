import { loadRuleBook } from '../../policy/index.ts';
import { registerApi } from '../../server/api.ts';
import { createApp } from '../../server/app.ts';
import { defaultConsoleSteps, parseConsoleSteps, prepareConsole } from '../../server/console-setup.ts';
import { createContext } from '../../server/context.ts';
import { createConsolePipeline } from '../../server/steps/pipeline.ts';
import { statusRoutes } from '../../server/status.ts';
import { LiveSimulation } from '../../sim/live.ts';
import { numberOption, parseCommandArgs, type Command } from '../command.ts';
import { openStoreFromArgs, storeArgOptions, storeArgUsage } from '../store-args.ts';
import { busArgOptions, busArgUsage, busTargetFromArgs, checkStages, openBus, stagesFromArgs } from '../bus-args.ts';

const usage = `Usage: seccom start [--port N] [--host H] [--data DIR | --store URL] [--bus URL [--stages LIST]] [--seed S] [--people P] [--speed X] [--console-steps all|none|IDS]

The main job: opens the store (creating it if absent), seeds a synthetic world on first start,
runs bookings through the pipeline continuously in simulated time, and serves the status page,
the API and the console. Ctrl-C stops it cleanly; the next start continues where it stopped.
  --port N       HTTP port (default 8080)
  --host H       address to listen on (default 127.0.0.1)
${storeArgUsage}
${busArgUsage}
  --stages LIST  with --bus: run only these stages here (comma-separated), \`seccom worker\` runs the others
  --seed S       seed of a new synthetic world (default 1)
  --people P     people in a new synthetic world (default 1000)
  --speed X      simulated seconds per real second (default 240: 200 bookings a real minute, a 48-hour hold in 12 minutes)
  --console-steps  jurisdictions whose IAQ, ERO decision and jail answer wait for people in the console
                 (all, none, or ids separated by commas; default ${defaultConsoleSteps})`;

const command: Command = {
  summary: 'run the main job: pipeline, synthetic bookings, status page and API on 127.0.0.1:8080',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      {
        ...storeArgOptions,
        ...busArgOptions,
        stages: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        people: { type: 'string' },
        speed: { type: 'string' },
        'console-steps': { type: 'string' },
      },
      usage,
    );
    const port = numberOption(values.port, 'port', 8080, 0);
    const host = values.host ?? '127.0.0.1';
    const steps = parseConsoleSteps(values['console-steps'] ?? defaultConsoleSteps);
    const target = busTargetFromArgs(values);
    const stages = stagesFromArgs(values.stages, target, 'stages');
    const book = loadRuleBook();
    const store = await openStoreFromArgs(values);
    let sim: LiveSimulation | undefined;
    try {
      io.out(`seccom: store ${store.kind} at ${store.location}`);
      if (target) io.out(`seccom: bus NATS JetStream ${target.servers}, stream ${target.stream}; stages ${stages?.join(', ') ?? 'all'}`);
      sim = await LiveSimulation.open(store, {
        seed: values.seed ?? '1',
        people: Math.floor(numberOption(values.people, 'people', 1000, 1)),
        speed: numberOption(values.speed, 'speed', 240, 0),
        pipeline: async (s, c, busOptions) => {
          const { bus, filter } = await openBus(s, c, target, stages, busOptions);
          const { pipeline } = await createConsolePipeline(s, c, book, steps, { busOptions, bus });
          await checkStages(pipeline, filter, stages);
          return pipeline;
        },
      });
      const live = sim;
      const { world, seeded, clock } = live.state;
      io.out(`seccom: ${seeded ? 'seeded a new' : 'continuing the'} synthetic world (seed ${world.seed}, ${world.size} people); simulated time ${clock.now().toISOString()}, next booking #${live.nextBooking}`);
      const ctx = createContext({ store, clock, book });
      await prepareConsole(ctx, steps, (line) => io.out(line));
      const app = await createApp([
        statusRoutes({ store, clock, describe: () => ({ world, speed: clock.speed, nextBooking: live.nextBooking, lastError: live.lastError ?? null }) }),
        (a) => registerApi(a, ctx),
      ]);
      await app.listen({ port, host });
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const url = `http://${host}:${actualPort}`;
      io.out(`seccom: status page ${url}/status  (JSON ${url}/api/status, console ${url}/, API docs ${url}/docs)`);
      io.out('seccom: bookings are flowing; Ctrl-C stops');
      live.start();
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      io.out('seccom: stopping…');
      await app.close();
      await live.stop();
      io.out(`seccom: stopped at simulated ${clock.now().toISOString()} after booking #${live.nextBooking}`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
export default command;
