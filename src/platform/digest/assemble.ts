/**
 * @module Digest assembly
 * Turns one person's sections (what each update kind has for them) into one mail in their language: a subject, a
 * plain-text part, an HTML part and the List-Unsubscribe headers (RFC 8058). Pure: no database, so its rules —
 * empty sections left out, nothing at all when every section is empty, every text escaped — are tested alone.
 */
import type { UpdateCadence, UpdateItem } from '../module.js';
import { escapeHtml as esc } from '../views/fragment.js';

export interface DigestSection {
  kind: string;
  /** The section's heading, in the reader's language. */
  title: string;
  /** Newest first, already capped. */
  items: UpdateItem[];
  /** How many there are in all (≥ items.length). */
  total: number;
  /** Where to see them all (absolute). */
  href?: string;
  /** Stops this kind (absolute, signed). */
  unsubscribe: string;
}

export interface DigestInput {
  cadence: UpdateCadence;
  t: (key: string, opts?: Record<string, unknown>) => string;
  /** Recipient's name (may be empty). */
  name: string;
  sections: DigestSection[];
  /** The settings page (absolute). */
  settingsUrl: string;
  /** Stops every update mail (absolute, signed): also the List-Unsubscribe target. */
  unsubscribeAll: string;
}

export interface AssembledMail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** Only http(s) links reach the mail. */
const safeHref = (u: string | undefined) => (u && /^https?:\/\//i.test(u) ? u : undefined);

/** The mail for one person, or null when no section has anything (nothing is sent). */
export function assembleDigest(input: DigestInput): AssembledMail | null {
  const { t, cadence } = input;
  const sections = input.sections.filter((s) => s.items.length > 0 && s.total > 0);
  if (!sections.length) return null;
  const total = sections.reduce((n, s) => n + s.total, 0);
  const single = cadence === 'immediate' && total === 1 ? sections[0]!.items[0]! : null;
  const subject = single ? t('digest.mail.subjectOne', { title: single.title }) : t(`digest.mail.subject.${cadence}`, { count: total });
  const greeting = input.name ? t('digest.mail.greeting', { name: input.name }) : t('digest.mail.greetingNoName');
  const intro = t(`digest.mail.intro.${cadence}`, { count: total });

  // Plain text.
  const lines: string[] = [greeting, '', intro, ''];
  for (const s of sections) {
    lines.push(`== ${s.title} (${s.total}) ==`, '');
    for (const it of s.items) {
      lines.push(`- ${it.title}`);
      if (it.note) lines.push(`  ${it.note}`);
      lines.push(`  ${it.href}`, '');
    }
    if (s.total > s.items.length) lines.push(t('digest.mail.more', { count: s.total - s.items.length }) + (s.href ? ` ${s.href}` : ''), '');
    lines.push(t('digest.mail.stopKind', { kind: s.title }) + ` ${s.unsubscribe}`, '');
  }
  lines.push('--', t('digest.mail.why'), `${t('digest.mail.settings')}: ${input.settingsUrl}`, `${t('digest.mail.stopAll')}: ${input.unsubscribeAll}`);
  const text = lines.join('\n');

  // HTML: every value escaped, links only http(s).
  const a = (href: string | undefined, label: string) => (safeHref(href) ? `<a href="${esc(href!)}">${esc(label)}</a>` : esc(label));
  const parts: string[] = [
    `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(subject)}</title></head>`,
    `<body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem;margin:0 auto;padding:1rem;color:#1a1a1a">`,
    `<p>${esc(greeting)}</p>`,
    `<p>${esc(intro)}</p>`,
  ];
  for (const s of sections) {
    parts.push(`<h2 style="font-size:1.15rem;margin-top:1.5rem">${esc(s.title)} (${s.total})</h2><ul>`);
    for (const it of s.items) parts.push(`<li>${a(it.href, it.title)}${it.note ? `<br><small>${esc(it.note)}</small>` : ''}</li>`);
    parts.push('</ul>');
    if (s.total > s.items.length) parts.push(`<p>${a(s.href, t('digest.mail.more', { count: s.total - s.items.length }))}</p>`);
    parts.push(`<p><small>${a(s.unsubscribe, t('digest.mail.stopKind', { kind: s.title }))}</small></p>`);
  }
  parts.push(
    `<hr><p><small>${esc(t('digest.mail.why'))} ${a(input.settingsUrl, t('digest.mail.settings'))} · ${a(input.unsubscribeAll, t('digest.mail.stopAll'))}</small></p>`,
    '</body></html>',
  );
  return {
    subject,
    text,
    html: parts.join(''),
    headers: { 'List-Unsubscribe': `<${input.unsubscribeAll}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
