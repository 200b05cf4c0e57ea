/** @module Identifiers and timestamps shared by every table. */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A random 16-character id (80 bits), URL-safe and unguessable. */
export function newId(): string {
  const bytes = randomBytes(16);
  let out = '';
  for (let i = 0; i < 16; i++) out += ALPHABET[bytes[i]! & 31];
  return out;
}

/** Now, as ISO-8601 UTC text: how every timestamp of ours is stored. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Today's date (UTC) as ISO-8601 text, `YYYY-MM-DD`: how dates are stored and compared. */
export function todayIso(): string {
  return nowIso().slice(0, 10);
}

/** A moment's date (UTC) as ISO-8601 text, `YYYY-MM-DD`. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Reads a timestamp from either engine (Date from pg, text from SQLite) as a Date. */
export function toDate(v: Date | string | number | null | undefined): Date | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v : new Date(v);
}

/** A URL slug from any text: lower case ASCII, accents removed. */
export function slugify(text: string, max = 60): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
}
