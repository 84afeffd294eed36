import { systemClock } from '../../domain/clock.ts';
import { SeccomError } from '../../errors/index.ts';
import { loadRuleBook } from '../../policy/index.ts';
import { ROLES } from '../../server/access/permissions.ts';
import { generatePassword } from '../../server/auth/password.ts';
import { AuthService, principalOf } from '../../server/auth/service.ts';
import { UserService } from '../../server/services/users.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import { openStoreFromArgs, storeArgOptions, storeArgUsage } from '../store-args.ts';

const usage = `Usage: seccom user <add|list|password|disable|enable|token> … [--data DIR | --store URL]

Accounts of the console and the API (docs/api.md). Passwords are stored as Argon2id hashes; a
generated password or token is printed once.
  seccom user add NAME --role ROLE --ori ORI --scope SCOPE [--name "Display Name"] [--time-zone TZ] [--password-stdin]
      ROLE: ${ROLES.join(', ')}
      SCOPE: national | state:XX | county:<jurisdiction id>
  seccom user list
  seccom user password NAME [--password-stdin]   set a new password (generated unless read from stdin)
  seccom user disable NAME | enable NAME          a disabled account cannot sign in; its sessions end
  seccom user token NAME --name LABEL             create an API token acting as the user
${storeArgUsage}
The embedded store is locked while \`npm start\` runs: stop it first, or use --store with PostgreSQL.`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

const actor = `cli:${process.env.USER ?? 'unknown'}`;

const command: Command = {
  summary: 'manage console and API accounts (add, list, password, disable, enable, token)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        ...storeArgOptions,
        role: { type: 'string' },
        ori: { type: 'string' },
        scope: { type: 'string' },
        name: { type: 'string' },
        'time-zone': { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
      usage,
    );
    const [sub, username] = positionals;
    const needName = () => {
      if (!username) throw new SeccomError('SECCOM_USAGE', `seccom user ${sub} needs a user name\n\n${usage}`);
      return username;
    };
    if (!sub || !['add', 'list', 'password', 'disable', 'enable', 'token'].includes(sub)) {
      throw new SeccomError('SECCOM_USAGE', `unknown or missing subcommand "${sub ?? ''}"\n\n${usage}`);
    }
    const store = await openStoreFromArgs(values);
    try {
      const users = new UserService(store, systemClock, loadRuleBook());
      switch (sub) {
        case 'add': {
          for (const k of ['role', 'ori', 'scope'] as const) {
            if (!values[k]) throw new SeccomError('SECCOM_USAGE', `seccom user add needs --${k}\n\n${usage}`);
          }
          const { user, password } = await users.create(
            {
              username: needName(),
              displayName: values.name ?? needName(),
              role: values.role!,
              ori: values.ori!,
              scope: values.scope!,
              timeZone: values['time-zone'],
              password: values['password-stdin'] ? await readStdin() : undefined,
            },
            actor,
          );
          io.out(`created ${user.username} (${user.role}, ${user.scope}, times in ${user.timeZone})`);
          if (!values['password-stdin']) io.out(`password: ${password}`);
          return 0;
        }
        case 'list': {
          let after: string | undefined;
          for (;;) {
            const page = await users.list({ after, limit: 200 });
            for (const u of page) io.out(`${u.username}\t${u.role}\t${u.scope}\t${u.ori}\t${u.disabledAt ? 'disabled' : 'active'}`);
            if (page.length < 200) return 0;
            after = page.at(-1)!.username;
          }
        }
        case 'password': {
          const u = await users.byUsername(needName());
          const password = values['password-stdin'] ? await readStdin() : generatePassword();
          await users.change(u.id, { password }, actor);
          io.out(values['password-stdin'] ? `password of ${u.username} changed` : `new password of ${u.username}: ${password}`);
          return 0;
        }
        case 'disable':
        case 'enable': {
          const u = await users.byUsername(needName());
          await users.change(u.id, { disabled: sub === 'disable' }, actor);
          io.out(`${u.username} ${sub}d`);
          return 0;
        }
        case 'token': {
          if (!values.name) throw new SeccomError('SECCOM_USAGE', `seccom user token needs --name LABEL\n\n${usage}`);
          const u = await users.byUsername(needName());
          const { token } = await new AuthService(store, systemClock).createToken(principalOf(u, 'token'), values.name);
          io.out(`API token for ${u.username} (shown once): ${token}`);
          return 0;
        }
      }
      return 2;
    } finally {
      await store.close();
    }
  },
};
export default command;
