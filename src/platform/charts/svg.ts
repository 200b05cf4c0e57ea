/**
 * @module Shared pieces of the server-rendered SVG charts
 *
 * The root element every chart opens with (viewBox-based, width 100%, named by its title and
 * description), ids, text measuring and truncation, and the few colours they share.
 */
import { escapeXml } from './escape.ts';

/** System fonts only: nothing to download, readable on every phone. */
export const FONT = "system-ui,-apple-system,'Segoe UI',Roboto,sans-serif";
/** Text colour: 17:1 on white. */
export const TEXT = '#1a1a1a';
/** Secondary text and axes: 4.5:1 or more on white. */
export const MUTED = '#595959';

/**
 * The opening `<svg>` tag with its `<title>` and `<desc>`. `role="img"` when nothing inside is
 * interactive; `role="group"` when there are links (focusable content inside role=img is an axe
 * violation, and a group keeps the links reachable and named).
 */
export function openSvg(o: {
  id: string;
  width: number;
  height: number;
  className: string;
  interactive: boolean;
  title: string;
  desc: string;
}): string {
  const role = o.interactive ? 'group' : 'img';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${o.width} ${o.height}" width="100%" ` +
    `class="chart ${o.className}" role="${role}" aria-labelledby="${o.id}-title ${o.id}-desc" font-family="${FONT}">` +
    `<title id="${o.id}-title">${escapeXml(o.title)}</title><desc id="${o.id}-desc">${escapeXml(o.desc)}</desc>`
  );
}

/** Keeps an id prefix valid: letters, digits, '-' and '_', starting with a letter. */
export function sanitizeId(prefix: string): string {
  const cleaned = prefix.replace(/[^A-Za-z0-9_-]/g, '-');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `c-${cleaned}`;
}

/** A rough width of text in a proportional sans-serif, in the units of its font size. */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.56;
}

/** Cuts text to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** Rounds to one decimal for coordinates: shorter markup, invisible difference. */
export function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Breaks text into at most `maxLines` lines of about `maxChars` characters, at spaces; the last
 * line is truncated with an ellipsis when the text does not fit. A word longer than a line is cut.
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length <= maxChars || !current) {
      current = candidate;
      continue;
    }
    lines.push(current);
    current = word;
    if (lines.length === maxLines - 1) {
      current = words.slice(i).join(' ');
      break;
    }
  }
  if (current) lines.push(current);
  return lines.map((line, i) => (i === lines.length - 1 || line.length > maxChars ? truncate(line, maxChars) : line));
}
