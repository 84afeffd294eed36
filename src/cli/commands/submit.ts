import { readFileSync } from 'node:fs';
import { systemClock } from '../../domain/clock.ts';
import { SeccomError } from '../../errors/index.ts';
import { readTransaction } from '../../formats/ebts/index.ts';
import { bookingPath } from '../../pipeline/booking-path.ts';
import { bookingFromEbts } from '../../pipeline/ebts-booking.ts';
import { createPipeline } from '../../pipeline/pipeline.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import { openStoreFromArgs, storeArgOptions, storeArgUsage } from '../store-args.ts';
import { busArgOptions, busArgUsage, busTargetFromArgs, openBus } from '../bus-args.ts';

const usage = `Usage: seccom submit FILE [--data DIR | --store URL] [--bus URL] [--json]

Ingests one ANSI/NIST-ITL booking file (an EBTS CAR or CNA): reads it, extracts the ten prints'
minutiae, submits the booking through intake, runs every stage that is due now, and prints the
booking's id and its path through the stages. Errors: SECCOM_UNKNOWN_JURISDICTION (ORI 1.008),
SECCOM_MALFORMED_BOOKING, SECCOM_DUPLICATE_SUBMISSION (same TCN 1.009), and the format's own codes.
${storeArgUsage}
${busArgUsage}
  --json         print {"bookingId":...,"path":[...]}`;

const command: Command = {
  summary: 'ingest one ANSI/NIST booking file (EBTS CAR/CNA) and print its path through the stages',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { ...storeArgOptions, ...busArgOptions, json: { type: 'boolean' } }, usage);
    if (positionals.length !== 1) throw new SeccomError('SECCOM_USAGE', `expected one FILE\n\n${usage}`);
    const file = positionals[0]!;
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      throw new SeccomError('SECCOM_FILE_NOT_FOUND', `cannot read ${file}: ${(e as Error).message}`, { location: { file } });
    }
    const target = busTargetFromArgs(values);
    const booking = bookingFromEbts(readTransaction(bytes));
    const store = await openStoreFromArgs(values);
    try {
      const { bus } = await openBus(store, systemClock, target, undefined);
      const pipeline = await createPipeline(store, systemClock, { bus });
      try {
        const [submitted] = await pipeline.submit([booking]);
        await pipeline.bus.pump();
        const path = await bookingPath(store.db, submitted!.bookingId);
        io.out(values.json ? JSON.stringify({ bookingId: submitted!.bookingId, path }) : [`booking ${submitted!.bookingId}`, ...path.map((p) => `  ${p}`)].join('\n'));
        return 0;
      } finally {
        await pipeline.close();
      }
    } finally {
      await store.close();
    }
  },
};
export default command;
