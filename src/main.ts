/**
 * @module Server
 * `npm start`: validates the configuration, opens and migrates the database (stopping with a one-line
 * reason if it cannot), seeds the Mechanism on first start, serves HTTP, runs the background jobs, and
 * shuts down gracefully.
 */
import { getRequestListener } from '@hono/node-server';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { loadConfig, ConfigError } from './config.js';
import { boot, createLogger } from './boot.js';
import { createApp } from './app.js';

async function main() {
  let config;
  try {
    config = loadConfig(process.env, process.argv.slice(2));
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const log = createLogger(config);
  // Take the port before any work: a port in use stops the start in one line, before migrations or the seed.
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5' }).end('dialogo is starting\n');
  };
  const server = createServer((req, res) => handler(req, res));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'EADDRINUSE' ? 'is already in use' : e.code === 'EACCES' ? 'needs privileges this user does not have' : `cannot be used (${e.code ?? e.message})`;
    console.error(`dialogo cannot start: port ${config.port} on ${config.host} ${why}; set PORT to a free port.`);
    process.exit(1);
  }
  let booted;
  try {
    booted = await boot(config, { log });
  } catch (err) {
    console.error(`dialogo cannot start: ${(err as Error).message.split('\n')[0]}`);
    process.exit(1);
  }
  const { deps, handle, firstAdmin } = booted;
  const app = createApp(deps);
  // Cached public pages are answered straight from node:http; everything else goes through Hono.
  const listener = getRequestListener(app.fetch);
  let stopping = false;
  handler = (req, res) => {
    if (stopping) {
      // Draining: every answer closes its connection, and the health check tells the proxy to stop sending.
      res.setHeader('Connection', 'close');
      if (req.url === '/healthz') {
        res.writeHead(503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end('{"status":"stopping"}');
        return;
      }
    }
    if (!deps.cache.serveNode(req, res)) void listener(req, res);
  };
  // Background jobs and schedules run in this process, on the same database: nothing else to start.
  deps.jobs.start();
  for (const m of deps.modules) void m.warm?.({ db: deps.db, dialect: deps.dialect, log });
  log.info({ port: config.port, db: deps.dialect, mail: deps.mailer.mode }, `dialogo is serving ${config.baseUrl}`);
  if (firstAdmin) {
    const password = config.adminPassword ? '(the one given in ADMIN_PASSWORD)' : `${firstAdmin.password}\n  (shown once; change it on your account page)`;
    console.log(`\n  First start: an administrator account was created.\n  Sign in at ${config.baseUrl}/es/sign-in\n  email:    ${firstAdmin.email}\n  password: ${password}\n`);
  }
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const drainMs = config.shutdownDrainSeconds * 1000;
    log.info({ signal, drainSeconds: config.shutdownDrainSeconds }, 'shutting down: draining, then finishing requests in flight');
    const force = setTimeout(() => {
      log.warn('requests still open after 10 s; closing');
      process.exit(1);
    }, drainMs + 10_000);
    force.unref();
    // Keep accepting for the drain time (connections already queued are answered, not reset), then stop
    // listening, close idle keep-alive sockets at once, and finish what is in flight.
    setTimeout(() => {
      server.close(async () => {
        // Lets the job in hand finish; one cut short by the force timer runs again after its lease.
        await deps.jobs.stop().catch(() => {});
        await handle.close().catch(() => {});
        log.info('stopped');
        process.exit(0);
      });
      server.closeIdleConnections();
    }, drainMs).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
