/**
 * @module Database notifications (PostgreSQL LISTEN/NOTIFY)
 * Several app instances on one PostgreSQL tell each other about changes through the database itself — no
 * other service. `subscribe(fn)` opens one dedicated connection (not from the pool: a listening session
 * must stay open) that LISTENs on a channel named after the schema, so instances on other schemas of the
 * same database (tests, staging) never hear each other; `publish(payload)` sends with `pg_notify` through
 * the pool, so it works while the listening connection is being re-established.
 *
 * The listener reconnects by itself (0.25 s, doubling to 5 s) after an error or a closed connection (a
 * restart, a failover, pg_terminate_backend); messages sent while it was away are lost, so after every
 * reconnection the subscribers are called with `gap: true` and must assume anything changed.
 * An instance hears its own messages too; senders put their id in the payload to skip them.
 */
import pg from 'pg';

export interface Notice {
  payload: string;
  /** True after the listening connection came back: messages may have been missed meanwhile. */
  gap: boolean;
}

export interface Notifications {
  /** Sends a payload to every instance listening on this schema (this one included). */
  publish(payload: string): Promise<void>;
  /** Calls `fn` for every message; the first subscription opens the listening connection. */
  subscribe(fn: (n: Notice) => void): void;
  /** Resolves once the listening connection is open (tests). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function createNotifications(opts: {
  pool: pg.Pool;
  url: string;
  schema?: string;
  applicationName?: string;
  onError?: (err: Error) => void;
}): Notifications {
  const subscribers: ((n: Notice) => void)[] = [];
  let channel: Promise<string> | null = null;
  let client: pg.Client | null = null;
  let closed = false;
  let started = false;
  let delay = 250;
  let timer: NodeJS.Timeout | null = null;
  let connected: Promise<void> | null = null;
  let markConnected: () => void = () => {};

  const channelName = () =>
    (channel ??= (async () => {
      const schema = opts.schema ?? (await opts.pool.query<{ s: string }>('select current_schema() as s')).rows[0]?.s ?? 'public';
      return `dialogo:${schema}`.slice(0, 63);
    })().catch((err) => {
      channel = null;
      throw err;
    }));

  const emit = (n: Notice) => {
    for (const fn of subscribers) {
      try {
        fn(n);
      } catch (err) {
        opts.onError?.(err as Error);
      }
    }
  };

  const listen = async (isReconnect: boolean) => {
    if (closed) return;
    const c = new pg.Client({
      connectionString: opts.url,
      options: opts.schema ? `-c search_path=${opts.schema}` : undefined,
      connectionTimeoutMillis: 5000,
      application_name: `${opts.applicationName ?? 'dialogo'} listener`,
      keepAlive: true,
    });
    const retry = (err?: Error) => {
      if (err) opts.onError?.(err);
      if (client !== c) return;
      client = null;
      c.removeAllListeners('notification');
      c.end().catch(() => {});
      if (closed) return;
      timer = setTimeout(() => void listen(true), delay);
      timer.unref();
      delay = Math.min(delay * 2, 5000);
    };
    client = c;
    c.on('error', (err) => retry(err));
    c.on('end', () => retry());
    c.on('notification', (m) => emit({ payload: m.payload ?? '', gap: false }));
    try {
      const name = await channelName();
      await c.connect();
      await c.query(`listen ${pg.escapeIdentifier(name)}`);
      if (client !== c) return;
      delay = 250;
      markConnected();
      if (isReconnect) emit({ payload: '', gap: true });
    } catch (err) {
      retry(err as Error);
    }
  };

  return {
    async publish(payload) {
      const name = await channelName();
      await opts.pool.query('select pg_notify($1, $2)', [name, payload]);
    },
    subscribe(fn) {
      subscribers.push(fn);
      if (started || closed) return;
      started = true;
      connected = new Promise<void>((resolve) => (markConnected = resolve));
      void listen(false);
    },
    ready: () => connected ?? Promise.resolve(),
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      if (c) await c.end().catch(() => {});
    },
  };
}
