/**
 * @module Client address
 * The visitor's address, for rate limits and logs. From the socket by default; with TRUST_PROXY set, from
 * X-Forwarded-For as far back as the trusted proxies reach: `TRUST_PROXY=1` trusts one hop (the socket's
 * peer is our proxy, so the client is the last address it appended), a list of addresses or CIDR ranges
 * trusts each hop that is in the list. Addresses a visitor writes into the header themselves sit further
 * left and are never reached.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { isIP, type BlockList } from 'node:net';
import type { AppEnv } from './env.js';
import { trustList, type TrustProxy } from '../../config.js';

/** The client's address for this request (one helper for every rate limit keyed on it). */
export function clientAddress(c: Context<AppEnv>): string {
  const socket = socketAddress(c);
  const trust = c.get('deps').config.trustProxy;
  if (!trust) return socket;
  return resolveClientAddress(socket, c.req.header('x-forwarded-for'), trust);
}

function socketAddress(c: Context<AppEnv>): string {
  try {
    return normalize(getConnInfo(c).remote.address ?? '') || 'unknown';
  } catch {
    // app.request() in tests and tools: no socket.
    return 'local';
  }
}

/**
 * Walks from the socket's peer back through X-Forwarded-For (right to left) while the hop is trusted, and
 * returns the first untrusted address. A malformed entry stops the walk at the hop before it.
 */
export function resolveClientAddress(socket: string, forwardedFor: string | undefined, trust: Exclude<TrustProxy, false>): string {
  const chain = [socket];
  const forwarded = (forwardedFor ?? '').split(',').map((s) => normalize(s.trim())).filter((s) => s !== '');
  for (let i = forwarded.length - 1; i >= 0; i--) chain.push(forwarded[i]!);
  const trusted = 'hops' in trust ? (i: number) => i < trust.hops : (i: number) => inList(trust.addresses, chain[i]!);
  let i = 0;
  while (i < chain.length - 1 && trusted(i)) {
    if (!isIP(chain[i + 1]!)) break;
    i++;
  }
  return chain[i]!;
}

/** IPv4-mapped IPv6 (`::ffff:10.0.0.1`) as plain IPv4; brackets and ports dropped. */
function normalize(address: string): string {
  let a = address;
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracket) a = bracket[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a);
  return mapped ? mapped[1]! : a;
}

const lists = new WeakMap<string[], BlockList>();

function inList(addresses: string[], address: string): boolean {
  let list = lists.get(addresses);
  if (!list) {
    list = trustList(addresses);
    lists.set(addresses, list);
  }
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}
