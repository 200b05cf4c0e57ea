/**
 * @module Links between modules
 * A module that links to another's things (a plan activity to the event that shows it happened, a pledge to the
 * consultation result it answers) stores `{ type, id }` pairs in its own table and reads them back through here:
 * the target's module (its manifest `linkTargets`) says what the reader may see, with title and page. Nothing
 * here knows any module.
 */
import type { LinkTarget, ModuleManifest, SectionContext } from './module.js';

export interface Link {
  type: string;
  id: string;
}

export interface ResolvedLink extends Link {
  /** i18n key of the kind's name. */
  label: string;
  title: string;
  href: string;
}

/** Every module's link targets, by type. */
export function linkTargets(modules: ModuleManifest[]): Map<string, LinkTarget> {
  return new Map(modules.flatMap((m) => m.linkTargets ?? []).map((x) => [x.type, x]));
}

/**
 * The links the reader may see, in the order given, each with its title and page. A link whose type no module
 * declares (a module removed) or whose target does not exist or is hidden from the reader is left out.
 */
export async function resolveLinks(ctx: SectionContext, modules: ModuleManifest[], links: Link[]): Promise<ResolvedLink[]> {
  const targets = linkTargets(modules);
  const byType = new Map<string, string[]>();
  for (const l of links) if (targets.has(l.type)) byType.set(l.type, [...(byType.get(l.type) ?? []), l.id]);
  const found = new Map<string, Map<string, { title: string; href: string }>>();
  await Promise.all([...byType].map(async ([type, ids]) => found.set(type, await targets.get(type)!.resolve(ctx, [...new Set(ids)]))));
  const out: ResolvedLink[] = [];
  for (const l of links) {
    const hit = found.get(l.type)?.get(l.id);
    if (hit) out.push({ ...l, label: targets.get(l.type)!.label, ...hit });
  }
  return out;
}

/**
 * Checks links a person is about to save: each must name a declared type and a thing this reader may see.
 * Returns the ones that do not (empty: all good), so the command can refuse with a message at the field.
 */
export async function unknownLinks(ctx: SectionContext, modules: ModuleManifest[], links: Link[]): Promise<Link[]> {
  const ok = await resolveLinks(ctx, modules, links);
  const seen = new Set(ok.map((l) => `${l.type}:${l.id}`));
  return links.filter((l) => !seen.has(`${l.type}:${l.id}`));
}
