/**
 * @module Practices factories: practices for tests, demo data and benchmarks. `makePractice` goes through
 * the real commands (create, then submit/approve when asked) so terms, history and the index stay right.
 */
import type { Db } from '../../db/schema.js';
import type { CurrentUser } from '../../platform/http/env.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { createPractice } from './commands/save.js';
import { transition } from './commands/workflow.js';
import type { PracticeInput } from './schemas.js';
import type { TextField } from './model.js';

export function practiceInput(o: Partial<Omit<PracticeInput, 'texts'>> & { texts?: Partial<Record<TextField, Translated>> } = {}): PracticeInput {
  const { texts, ...rest } = o;
  return {
    orgId: null,
    originalLang: 'es',
    implementers: null,
    partners: null,
    scope: 'national',
    startDate: '2020-03-01',
    endDate: null,
    resourceType: 'practice',
    links: [],
    contactName: 'Persona de contacto',
    contactEmail: 'contacto@example.org',
    objectives: [16],
    principles: ['human-rights'],
    countries: ['CL'],
    ...rest,
    texts: {
      title: { es: 'Práctica de ejemplo' },
      summary: { es: 'Resumen de la práctica.' },
      problem: {},
      actions: { es: 'Lo que se hizo.' },
      results: { es: 'Resultados obtenidos.' },
      lessons: {},
      replication: {},
      ...texts,
    },
  };
}

/** Creates a practice as `actor`, then moves it to `status` through the workflow. */
export async function makePractice(
  db: Db,
  actor: CurrentUser,
  input: PracticeInput,
  status: 'draft' | 'submitted' | 'in_review' | 'returned' | 'published' = 'draft',
  reviewer: CurrentUser = actor,
): Promise<string> {
  const r = await createPractice(db, actor, input);
  if (!r.ok) throw new Error('createPractice failed');
  const steps: Record<string, [CurrentUser, 'submit' | 'start_review' | 'approve' | 'request_changes', string?][]> = {
    draft: [],
    submitted: [[actor, 'submit']],
    in_review: [
      [actor, 'submit'],
      [reviewer, 'start_review'],
    ],
    returned: [
      [actor, 'submit'],
      [reviewer, 'request_changes', 'Por favor complete los resultados.'],
    ],
    published: [
      [actor, 'submit'],
      [reviewer, 'approve'],
    ],
  };
  for (const [who, action, comment] of steps[status]!) {
    const out = await transition(db, who, r.id, action, comment);
    if (!out.ok) throw new Error(`${action} failed: ${out.reason}`);
  }
  return r.id;
}

export const userStub = (id: string, role: 'admin' | 'member' = 'member'): CurrentUser => ({ id, name: 'Someone', email: `${id}@example.org`, role, locale: 'es', emailVerified: true });
