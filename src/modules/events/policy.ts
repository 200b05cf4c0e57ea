/** @module Events: who may do what — named rules the routes refuse with and the views hide buttons with. */
import { definePolicy, isAdmin, type Actor } from '../../platform/authz/authz.js';
import type { Event, Registration } from './queries.js';
import type { ReaderBodies as ReaderFacts } from '../bodies/index.js';

/** What the policy knows about the reader: their place among the bodies (bodies' readerBodies loads it; anonymous visitors have none). */
export type { ReaderBodies as ReaderFacts } from '../bodies/index.js';

/** Administrators, and the secretaries of one of the event's organizing bodies. */
const organizes = (a: Actor, e: Pick<Event, 'bodyIds'>, f: ReaderFacts) => isAdmin(a) || (!!a && e.bodyIds.some((b) => f.secretaryOf.includes(b)));

/** Who may see the event at all (others get a 404: a members-only event is not revealed). */
const sees = (a: Actor, e: Pick<Event, 'bodyIds' | 'visibility' | 'visibilityBodyId'>, f: ReaderFacts) =>
  e.visibility === 'public' ||
  organizes(a, e, f) ||
  (!!a && e.visibility === 'members' && f.memberOrg) ||
  (!!a && e.visibility === 'body' && !!e.visibilityBodyId && (f.bodyIds.includes(e.visibilityBodyId) || f.secretaryOf.includes(e.visibilityBodyId)));

export const eventsPolicy = definePolicy({
  /** Create an event: administrators and the secretary of any body (for the bodies they are secretary of). */
  create: (a: Actor, f: ReaderFacts) => isAdmin(a) || (!!a && f.secretaryOf.length > 0),
  /** Organize this event (edit, cancel, see and decide registrations, invite). */
  organize: (a: Actor, { e, f }: { e: Event; f: ReaderFacts }) => organizes(a, e, f),
  view: (a: Actor, { e, f }: { e: Event; f: ReaderFacts }) => sees(a, e, f),
  /** Register with one's account: anyone signed in who may see a scheduled event. */
  register: (a: Actor, { e, f }: { e: Event; f: ReaderFacts }) => !!a && e.status === 'scheduled' && sees(a, e, f),
  /** Register without an account: visitors, for public scheduled events. */
  registerAsGuest: (a: Actor, { e }: { e: Event; f: ReaderFacts }) => !a && e.status === 'scheduled' && e.visibility === 'public',
  /** The online link: the organizers and people holding a seat. */
  seeLink: (a: Actor, { e, f, registered }: { e: Event; f: ReaderFacts; registered: boolean }) => organizes(a, e, f) || (!!a && registered),
  /** Materials for participants only: the organizers and people holding a seat. */
  seeParticipantMaterials: (a: Actor, { e, f, registered }: { e: Event; f: ReaderFacts; registered: boolean }) => organizes(a, e, f) || (!!a && registered),
  /**
   * Materials for participants only, through a person's registration link (people without an account): the same
   * rule as for account holders — while the registration holds a seat (confirmed; not pending, waitlisted,
   * cancelled or declined). The secret link identifies the registration; the actor plays no part.
   */
  seeParticipantMaterialsByLink: (_a: Actor, { r }: { r: Pick<Registration, 'status'> }) => r.status === 'registered',
});

/** The reader's visibilities, for lists (what `view` allows, as a filter). */
export function visibleTo(a: Actor, f: ReaderFacts): { visibilities: Event['visibility'][]; bodyIds: string[] } {
  if (isAdmin(a)) return { visibilities: ['public', 'members', 'body'], bodyIds: [] };
  if (!a) return { visibilities: ['public'], bodyIds: [] };
  return { visibilities: f.memberOrg ? ['public', 'members'] : ['public'], bodyIds: [...new Set([...f.bodyIds, ...f.secretaryOf])] };
}
