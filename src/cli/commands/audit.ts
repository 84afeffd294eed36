import { SeccomError } from '../../errors/index.ts';
import { verifyAudit } from '../../store/audit.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import { openStoreFromArgs, storeArgOptions, storeArgUsage } from '../store-args.ts';

const usage = `Usage: seccom audit verify [--data DIR | --store URL] [--json]

Recomputes the audit log's SHA-256 hash chain. Exits 0 and prints the number of entries when the
chain is intact; exits 8 (SECCOM_AUDIT_CHAIN_BROKEN) naming the first altered or missing entry.
${storeArgUsage}
  --json         print {"entries":N,"headHash":"..."}`;

const command: Command = {
  summary: 'verify the audit log hash chain (audit verify)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { ...storeArgOptions, json: { type: 'boolean' } }, usage);
    if (positionals.length !== 1 || positionals[0] !== 'verify') {
      throw new SeccomError('SECCOM_USAGE', `expected "audit verify"\n\n${usage}`);
    }
    const store = await openStoreFromArgs(values);
    try {
      const result = await verifyAudit(store.db);
      io.out(values.json ? JSON.stringify(result) : `audit chain intact: ${result.entries} entries (head ${result.headHash})`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
export default command;
