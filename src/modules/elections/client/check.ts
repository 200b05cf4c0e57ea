/**
 * @module The elections pages' script (served as /:lang/elections/client.js, bundled by bundle.ts)
 * Progressive enhancement only: every page works without it.
 * - The record page (`[data-browser-check]`): downloads the published record and verifies it here, in the
 *   visitor's browser, with the same core code as the standalone verifier (its report is the same text,
 *   word for word), so the verdict does not rest on the server's word; a file chosen by the visitor (a copy
 *   they keep) is verified the same way, without leaving the browser.
 * - The receipt shown after casting (`[data-print]`): a button that opens the browser's print dialog.
 */
import { verifyRecord } from '../core/record.js';
import { formatReport, formatUnreadable } from '../core/report.js';
import { untilHashed } from './crypto-shim.js';

/** The verifier's verdict and report for the text of a record (what `npm run verify-election` prints). */
export async function checkText(text: string, source: string): Promise<{ ok: boolean; report: string }> {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (e) {
    return { ok: false, report: formatUnreadable(source, (e as Error).message) };
  }
  return untilHashed(() => {
    const r = verifyRecord(record);
    return { ok: r.ok, report: formatReport(record, r, source) };
  });
}

// The DOM, typed as little as this script uses (the project's TypeScript setup has no DOM library).
interface El {
  hidden: boolean;
  textContent: string | null;
  className: string;
  dataset: Record<string, string | undefined>;
  files?: ArrayLike<{ name: string; text(): Promise<string> }> | null;
  querySelector(s: string): El | null;
  addEventListener(type: string, fn: () => void): void;
}
const doc = (globalThis as unknown as { document?: { querySelector(s: string): El | null; querySelectorAll(s: string): ArrayLike<El> } }).document;

async function show(box: El, run: () => Promise<{ ok: boolean; report: string }>): Promise<void> {
  const verdict = box.querySelector('[data-verdict]')!;
  const report = box.querySelector('[data-report]')!;
  verdict.className = 'notice';
  verdict.textContent = box.dataset.working ?? '';
  report.textContent = '';
  try {
    const r = await run();
    verdict.className = r.ok ? 'notice success' : 'notice error';
    verdict.textContent = (r.ok ? box.dataset.valid : box.dataset.invalid) ?? '';
    verdict.dataset.ok = String(r.ok);
    report.textContent = r.report;
  } catch {
    verdict.className = 'notice error';
    verdict.textContent = box.dataset.failed ?? '';
  }
}

function recordPage(box: El): void {
  box.hidden = false;
  const url = box.dataset.recordUrl!;
  const source = box.dataset.source ?? url;
  void show(box, async () => {
    const res = await fetch(url, { credentials: 'omit' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return checkText(await res.text(), source);
  });
  const input = doc!.querySelector('[data-local-file]');
  const local = doc!.querySelector('[data-local-check]');
  if (input && local) {
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return;
      local.hidden = false;
      void show(local, async () => checkText(await file.text(), file.name));
    });
  }
}

// Where there is a page (not when a test imports the bundle into Node to compare its verdicts).
if (doc) {
  const box = doc.querySelector('[data-browser-check]');
  if (box) recordPage(box);
  const prints = doc.querySelectorAll('[data-print]');
  for (let i = 0; i < prints.length; i++) {
    const b = prints[i]!;
    b.hidden = false;
    b.addEventListener('click', () => (globalThis as unknown as { print(): void }).print());
  }
}
