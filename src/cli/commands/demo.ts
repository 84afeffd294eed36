import { openStore } from '../../store/open.ts';
import { runDemo } from '../../sim/demo.ts';
import { numberOption, parseCommandArgs, type Command } from '../command.ts';

const usage = `Usage: seccom demo [--bookings N] [--seed S] [--people P] [--json]

Runs N synthetic bookings end to end (intake, SIB, CJIS, IDENT, LESC, ERO, detainer, jail, claims
of US citizenship) on a fresh in-memory store, in simulated time, and prints the totals per hop.
Same seed, same output.
  --bookings N   bookings to run (default 1000)
  --seed S       seed of the synthetic world and bookings (default 1)
  --people P     people in the synthetic world (default 1000)
  --json         print one JSON object`;

const command: Command = {
  summary: 'run N synthetic bookings end to end on a temporary store and print the totals',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { bookings: { type: 'string' }, seed: { type: 'string' }, people: { type: 'string' }, json: { type: 'boolean' } },
      usage,
    );
    const bookings = numberOption(values.bookings, 'bookings', 1000, 0);
    const people = numberOption(values.people, 'people', 1000, 1);
    const store = await openStore({ memory: true });
    try {
      const r = await runDemo(store, { bookings: Math.floor(bookings), seed: values.seed ?? '1', people: Math.floor(people) });
      if (values.json) {
        io.out(JSON.stringify(r));
      } else {
        io.out(
          [
            `bookings          ${r.bookings}`,
            `forwarded to DHS  ${r.sibForwarded}`,
            `CJIS idents       ${r.cjisHits}`,
            `IDENT matches     ${r.identMatches}`,
            `IAQ / IAR         ${r.iaqs} / ${r.iars}`,
            `detainers         lodged ${r.detainers.lodged}, honoured ${r.detainers.honoured}, declined ${r.detainers.declined}, lapsed ${r.detainers.lapsed}`,
            `notifications     lodged ${r.notifications.lodged}, agreed ${r.notifications.agreed}, declined ${r.notifications.declined}, notified ${r.notifications.notified}`,
            `transfers         lodged ${r.transfers.lodged}, agreed ${r.transfers.agreed}, declined ${r.transfers.declined}, transferred ${r.transfers.transferred}`,
            `citizenship       ${r.citizenshipClaims.claims} claims, ${r.citizenshipClaims.cancelled} requests cancelled, ${r.escalations} cases escalated`,
            `audit             ${r.auditEntries} entries, chain ${r.auditVerified ? 'verified' : 'NOT verified'}`,
          ].join('\n'),
        );
      }
      return r.auditVerified ? 0 : 1;
    } finally {
      await store.close();
    }
  },
};
export default command;
