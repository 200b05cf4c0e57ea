/** Who may do what with a practice, per role and status. */
import { describe, it, expect } from 'vitest';
import { practicePolicy, EMPTY_SCOPE, type PracticeRef, type Scope } from './policy.js';
import { userStub } from './factories.js';
import type { PracticeStatus } from './tables.js';

const author = userStub('author', 'member');
const colleague = userStub('colleague', 'member');
const stranger = userStub('stranger', 'member');
const secretary = userStub('secretary', 'member');
const admin = userStub('admin', 'admin');
const scopes: Record<string, Scope> = {
  author: { orgIds: ['org1'], reviewObjectives: [] },
  colleague: { orgIds: ['org1'], reviewObjectives: [] },
  stranger: { orgIds: ['org2'], reviewObjectives: [] },
  secretary: { orgIds: [], reviewObjectives: [4, 8, 13] },
  admin: EMPTY_SCOPE,
};
const ref = (status: PracticeStatus, objectives = [8]): PracticeRef => ({ status, orgId: 'org1', createdBy: 'author', objectives });
const can = (who: ReturnType<typeof userStub> | null, action: 'view' | 'edit' | 'submit' | 'review' | 'comment' | 'unpublish' | 'attach' | 'detach' | 'seeHistory', p: PracticeRef) =>
  practicePolicy.can(who, action, { p, s: who ? scopes[who.id]! : EMPTY_SCOPE });

describe('practice policy', () => {
  it('create: people of member organizations and admins', () => {
    expect(practicePolicy.can(null, 'create', EMPTY_SCOPE)).toBe(false);
    expect(practicePolicy.can(author, 'create', scopes.author!)).toBe(true);
    expect(practicePolicy.can(secretary, 'create', scopes.secretary!)).toBe(false);
    expect(practicePolicy.can(admin, 'create', EMPTY_SCOPE)).toBe(true);
  });
  it('drafts: authors and their organization edit; nobody else sees them but admins', () => {
    const p = ref('draft');
    expect([null, author, colleague, stranger, secretary, admin].map((u) => can(u, 'view', p))).toEqual([false, true, true, false, false, true]);
    expect([null, author, colleague, stranger, secretary, admin].map((u) => can(u, 'edit', p))).toEqual([false, true, true, false, false, true]);
    expect(can(author, 'review', p)).toBe(false);
  });
  it('in review: admins and secretaries of its objectives review; authors cannot', () => {
    for (const s of ['submitted', 'in_review'] as const) {
      expect([null, author, stranger, secretary, admin].map((u) => can(u, 'review', ref(s)))).toEqual([false, false, false, true, true]);
      expect(can(secretary, 'review', ref(s, [20]))).toBe(false);
      expect(can(secretary, 'view', ref(s))).toBe(true);
      expect(can(author, 'edit', ref(s))).toBe(false);
    }
  });
  it('returned: editable by authors again', () => {
    expect(can(author, 'submit', ref('returned'))).toBe(true);
    expect(can(stranger, 'submit', ref('returned'))).toBe(false);
  });
  it('published: public, frozen, withdrawn only by admins', () => {
    const p = ref('published');
    expect([null, author, stranger, secretary, admin].map((u) => can(u, 'view', p))).toEqual([true, true, true, true, true]);
    expect(can(author, 'edit', p)).toBe(false);
    expect([author, secretary, admin].map((u) => can(u, 'unpublish', p))).toEqual([false, false, true]);
  });
  it('queue and export', () => {
    expect(practicePolicy.can(author, 'queue', scopes.author!)).toBe(false);
    expect(practicePolicy.can(secretary, 'queue', scopes.secretary!)).toBe(true);
    expect(practicePolicy.can(admin, 'queue', EMPTY_SCOPE)).toBe(true);
    expect(practicePolicy.can(secretary, 'exportAll')).toBe(false);
    expect(practicePolicy.can(admin, 'exportAll')).toBe(true);
  });
  it('comments: while in review, its reviewers and its authors; never on drafts or published practices', () => {
    for (const s of ['submitted', 'in_review'] as const) {
      expect([null, author, colleague, stranger, secretary, admin].map((u) => can(u, 'comment', ref(s)))).toEqual([false, true, true, false, true, true]);
      expect(can(secretary, 'comment', ref(s, [20]))).toBe(false);
    }
    for (const s of ['draft', 'returned', 'published'] as const) expect([author, secretary, admin].map((u) => can(u, 'comment', ref(s)))).toEqual([false, false, false]);
  });
  it('files: whoever may edit it', () => {
    for (const rule of ['attach', 'detach'] as const) {
      expect([null, author, colleague, stranger, secretary, admin].map((u) => can(u, rule, ref('draft')))).toEqual([false, true, true, false, false, true]);
      expect([author, admin].map((u) => can(u, rule, ref('submitted')))).toEqual([false, false]);
    }
  });
  it('history: insiders while unpublished; once published only its authors and admins', () => {
    expect([null, author, stranger, secretary, admin].map((u) => can(u, 'seeHistory', ref('in_review')))).toEqual([false, true, false, true, true]);
    expect([null, author, stranger, secretary, admin].map((u) => can(u, 'seeHistory', ref('published')))).toEqual([false, true, false, false, true]);
  });
  it('organizations, the whole queue and the Hub documents', () => {
    expect([null, author, admin].map((u) => practicePolicy.can(u, 'documentForAnyOrg'))).toEqual([false, false, true]);
    expect([null, secretary, admin].map((u) => practicePolicy.can(u, 'queueAll'))).toEqual([false, false, true]);
    expect((['draft', 'submitted', 'published'] as const).map((status) => practicePolicy.can(null, 'download', { status }))).toEqual([false, false, true]);
  });
});

describe('a suspended organization', () => {
  it("its people, the practice's creator included, can no longer edit, submit or see its unpublished practices", () => {
    const creator = { id: 'creator', name: 'c', email: 'c@x', role: 'member' as const, locale: null, emailVerified: true };
    const suspended = { orgIds: [] as string[], reviewObjectives: [] as number[] }; // scopeOf keeps only organizations in good standing
    const inGood = { orgIds: ['org1'], reviewObjectives: [] as number[] };
    for (const status of ['draft', 'returned'] as const) {
      const p = { status, orgId: 'org1', createdBy: 'creator', objectives: [1] };
      expect(practicePolicy.can(creator, 'edit', { p, s: inGood })).toBe(true);
      expect(practicePolicy.can(creator, 'edit', { p, s: suspended })).toBe(false);
      expect(practicePolicy.can(creator, 'submit', { p, s: suspended })).toBe(false);
      expect(practicePolicy.can(creator, 'view', { p, s: suspended })).toBe(false);
    }
    // A practice documented for no organization stays its creator's.
    expect(practicePolicy.can(creator, 'edit', { p: { status: 'draft', orgId: null, createdBy: 'creator', objectives: [1] }, s: suspended })).toBe(true);
  });
});

