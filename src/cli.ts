/**
 * @module Command line
 * `npm run cli -- <command>`: migrate | seed [--demo] | create-admin <email> [password] | backup [file] | check |
 * digest <daily|weekly> [--at ISO]
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { loadConfig, ConfigError } from './config.js';
import { boot, createAdmin, createLogger, seed } from './boot.js';
import { runDigest } from './platform/digest/run.js';

const USAGE = `usage: npm run cli -- <command>
  migrate                         apply pending migrations
  seed [--demo]                   create the Mechanism's structure (and demo data) if missing
  create-admin <email> [password] create or promote an administrator (prints a password if none is given)
  backup [file]                   SQLite: online backup to a file; PostgreSQL: prints the pg_dump command
  check                           SQLite: full integrity check of the database file (exit 1 when damaged)
  digest <daily|weekly> [--at ISO] build and queue the digest of the period before --at (default: now) now, as its
                                  schedule would; a period already sent is not sent again (a missed run, a test)`;

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig(process.env, command === 'digest' ? [] : rest);
  const log = createLogger({ ...config, logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  switch (command) {
    case 'migrate': {
      const { handle } = await boot(config, { log, seed: false });
      await handle.close();
      console.log('migrations are up to date');
      return 0;
    }
    case 'seed': {
      const { deps, handle } = await boot(config, { log, seed: false });
      const first = await seed(deps);
      if (first) console.log(`administrator created: ${first.email} / ${first.password}`);
      await handle.close();
      console.log('seed done');
      return 0;
    }
    case 'create-admin': {
      const email = rest[0];
      if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) {
        console.error('create-admin needs an email address');
        return 2;
      }
      const password = rest[1] && !rest[1].startsWith('--') ? rest[1] : randomBytes(12).toString('base64url');
      if (password.length < 10) {
        console.error('the password must have at least 10 characters');
        return 2;
      }
      const { deps, handle } = await boot(config, { log, seed: false });
      await createAdmin(deps.db, email, password);
      await handle.close();
      console.log(`administrator ready: ${email}${rest[1] ? '' : ` / ${password}`}`);
      return 0;
    }
    case 'backup': {
      if (config.databaseUrl) {
        console.log(`PostgreSQL: run\n  pg_dump --format=custom --file=dialogo-$(date +%F).dump "${config.databaseUrl.replace(/:[^:@/]+@/, ':***@')}"`);
        return 0;
      }
      const { handle } = await boot(config, { log, seed: false });
      const dir = join(config.dataDir, 'backups');
      mkdirSync(dir, { recursive: true });
      const file = rest[0] ?? join(dir, `dialogo-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
      await handle.sqlite!.backup(file);
      await handle.close();
      console.log(`backup written to ${file}`);
      return 0;
    }
    case 'check': {
      if (config.databaseUrl) {
        console.log('PostgreSQL checks its own pages; use pg_amcheck for a full check.');
        return 0;
      }
      const { handle } = await boot(config, { log, seed: false });
      const rows = handle.sqlite!.pragma('integrity_check') as { integrity_check: string }[];
      await handle.close();
      const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
      if (problems.length) {
        console.error(`the database file is damaged:\n  ${problems.slice(0, 20).join('\n  ')}`);
        return 1;
      }
      console.log('integrity check: ok');
      return 0;
    }
    case 'digest': {
      const cadence = rest[0];
      const i = rest.indexOf('--at');
      const at = i >= 0 ? new Date(rest[i + 1] ?? '') : new Date();
      if ((cadence !== 'daily' && cadence !== 'weekly') || Number.isNaN(at.getTime())) {
        console.error('digest needs daily or weekly, and --at an ISO time when given');
        return 2;
      }
      const { deps, handle } = await boot(config, { log, seed: false });
      const r = await runDigest(deps, cadence, at, {}, log);
      await handle.close();
      console.log(r.already ? `the ${cadence} digest of ${r.period} was already sent` : `${cadence} digest of ${r.period}: ${r.sent} mailed, ${r.empty} with nothing new`);
      return 0;
    }
    default:
      console.error(`unknown command: ${command}\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : `error: ${(err as Error).message}`);
    process.exit(1);
  },
);
