/** @module Pledges views: a pledge's page — its facts in the UN form's order, progress, links, workflow and history. */
import { Form, Button, ErrorSummary, TextField, TextArea, ChoiceField, SelectField, Notice, Table, HistoryTable, TText, type FormState } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import type { ReadItem } from '../../../platform/audit/read.js';
import type { ResolvedLink } from '../../../platform/links.js';
import type { OrgSummary } from '../../membership/index.js';
import { pledgeStatuses } from '../tables.js';
import type { Pledge, PledgeUpdate } from '../queries.js';
import { paths } from '../paths.js';
import { OrgNames, titleText } from './parts.js';
import { todayIso } from '../../../db/ids.js';

export interface PledgeView {
  p: Pledge;
  orgs: Map<string, OrgSummary>;
  body: { name: string; href: string } | null;
  matches: { ref: string; title: string; href: string } | null;
  objectives: Map<number, string>;
  principles: Map<number, string>;
  countries: Map<string, string>;
  updates: PledgeUpdate[];
  links: ResolvedLink[];
  history: ReadItem[];
  /** The person's co-pledging organizations that have not confirmed yet. */
  confirmOrgs: { id: string; name: string }[];
  can: { edit: boolean; submit: boolean; confirm: boolean; review: boolean; update: boolean; setUnId: boolean; withdraw: boolean; link: boolean; history: boolean };
  /** The form that came back with problems, and which one it is. */
  form: FormState;
  formName?: 'review' | 'update' | 'unId' | 'withdraw' | 'confirm';
}

export function PledgePage(v: PledgeView) {
  const { t, locale, fmt } = useView();
  const { p } = v;
  const f = (name: PledgeView['formName'], values: FormState['values'] = {}): FormState => (v.formName === name ? v.form : { values, errors: {} });
  const list = (xs: string[]) => (xs.length ? xs.join('; ') : '—');
  const rows: [string, any][] = [
    [t('pledges.fields.ref'), p.ref],
    [t('pledges.fields.orgs'), <OrgNames p={p} orgs={v.orgs} confirmations={p.state !== 'published' && p.state !== 'withdrawn'} />],
    [t('pledges.fields.kind'), t(`pledges.kinds.${p.kind}`)],
    ...(p.kind === 'matching'
      ? ([[t('pledges.fields.matches'), v.matches ? <a href={v.matches.href}>{`${v.matches.ref} · ${v.matches.title}`}</a> : p.matchesExternalId ? `${p.matchesExternalId} · ${p.matchesExternalTitle ?? ''}` : '—']] as [string, any][])
      : []),
    [t('pledges.fields.forms'), list(p.forms.map((x) => t(`pledges.forms.${x}`)))],
    [t('pledges.fields.objectives'), list(p.objectives.map((n) => `${n}. ${v.objectives.get(n) ?? ''}`))],
    [t('pledges.fields.principles'), list(p.principles.map((n) => v.principles.get(n) ?? String(n)))],
    [t('pledges.fields.scope'), t(`pledges.scopes.${p.scope}`)],
    [t('pledges.fields.countries'), list(p.countries.map((c) => v.countries.get(c) ?? c))],
    [t('pledges.fields.partners'), list(p.partners.map((x) => `${x.name} (${t(`pledges.sectors.${x.sector}`)})`))],
    [t('pledges.fields.timeline'), [p.startsOn ? fmt.date(p.startsOn) : '—', p.endsOn ? fmt.date(p.endsOn) : '—'].join(' – ')],
    [t('pledges.fields.body'), v.body ? <a href={v.body.href}>{v.body.name}</a> : '—'],
    [t('pledges.fields.unId'), p.unId ?? '—'],
    [t('pledges.fields.state'), t(`pledges.states.${p.state}`)],
    [t('pledges.fields.status'), p.status ? t(`pledges.statuses.${p.status}`) : '—'],
    ...(p.state === 'published' && p.nextUpdateDue ? ([[t('pledges.fields.nextUpdateDue'), fmt.date(p.nextUpdateDue)]] as [string, any][]) : []),
  ];
  return (
    <>
      <h1>
        {p.ref} · {titleText(p, locale)}
      </h1>
      {p.isDemo ? <p class="tag">{t('pledges.page.demo')}</p> : null}
      {p.state === 'withdrawn' ? <Notice type="warning">{t('pledges.page.withdrawnNotice')}</Notice> : null}
      {p.state === 'returned' && p.reviewNote ? (
        <Notice type="warning">
          <strong>{t('pledges.page.returnedNote')}</strong> {p.reviewNote}
        </Notice>
      ) : null}
      {(p.state === 'draft' || p.state === 'returned') && p.submittedAt ? <Notice type="info">{t('pledges.page.awaitingConfirmationLong')}</Notice> : null}
      {p.state === 'submitted' ? <Notice type="info">{t('pledges.page.inReview')}</Notice> : null}
      <ErrorSummary errors={v.form.errors} />

      <h2>{t('pledges.page.description')}</h2>
      <TText value={p.description} as="div" />
      <Table caption={t('pledges.page.facts')} head={[t('pledges.page.field'), t('pledges.page.value')]} rows={rows.map(([a, b]) => [a, b])} />

      {p.attachment ? (
        <p>
          {t('pledges.fields.attachment')}: <a href={paths.attachment.href(locale, { id: p.id })}>{p.attachment.name}</a> <span class="small muted">({fmt.number(Math.max(1, Math.round(p.attachment.size / 1024)))} KB)</span>
        </p>
      ) : null}
      {p.state === 'published' ? (
        <p>
          <a href={paths.pdf.href(locale, { id: p.id })}>{t('pledges.page.pdf')}</a> · <a href={paths.json.href(locale, { id: p.id })}>{t('pledges.page.json')}</a>
        </p>
      ) : null}

      {v.can.edit || v.can.submit ? (
        <p>
          {v.can.edit ? (
            <a class="button secondary" href={paths.edit.href(locale, { id: p.id })}>
              {t('pledges.page.edit')}
            </a>
          ) : null}
        </p>
      ) : null}
      {v.can.submit ? (
        <Form action={paths.submit.href(locale, { id: p.id })}>
          <p class="hint">{t('pledges.page.submitHint')}</p>
          <Button>{t('pledges.page.submit')}</Button>
        </Form>
      ) : null}
      {v.can.confirm ? (
        <section>
          <h2>{t('pledges.page.confirmTitle')}</h2>
          <p>{t('pledges.page.confirmHint')}</p>
          <Form action={paths.confirm.href(locale, { id: p.id })}>
            {v.confirmOrgs.length > 1 ? <SelectField name="org" label={t('pledges.page.confirmFor')} form={f('confirm')} options={v.confirmOrgs.map((o) => ({ value: o.id, label: o.name }))} /> : <input type="hidden" name="org" value={v.confirmOrgs[0]?.id} />}
            <Button>{v.confirmOrgs.length === 1 ? t('pledges.page.confirmAs', { org: v.confirmOrgs[0]!.name }) : t('pledges.page.confirm')}</Button>
          </Form>
        </section>
      ) : null}
      {v.can.review ? (
        <section>
          <h2>{t('pledges.page.reviewTitle')}</h2>
          <Form action={paths.review.href(locale, { id: p.id })}>
            <ChoiceField name="decision" legend={t('pledges.page.decision')} form={f('review', { decision: 'publish' })} options={[{ value: 'publish', label: t('pledges.page.publish') }, { value: 'return', label: t('pledges.page.return') }]} />
            <TextArea name="comment" label={t('pledges.page.comment')} hint={t('pledges.page.commentHint')} form={f('review')} rows={4} maxlength={5000} />
            <Button>{t('pledges.page.decide')}</Button>
          </Form>
        </section>
      ) : null}

      <h2>{t('pledges.page.progress')}</h2>
      {v.updates.length ? (
        <Table
          caption={t('pledges.page.progress')}
          captionHidden
          head={[t('pledges.page.reportedOn'), t('pledges.fields.status'), t('pledges.page.note')]}
          rows={v.updates.map((u) => [fmt.date(u.reportedOn), t(`pledges.statuses.${u.status}`), <TText value={u.note} />])}
        />
      ) : (
        <p>{t('pledges.page.noUpdates')}</p>
      )}
      {v.can.update ? (
        <section>
          <h3>{t('pledges.page.addUpdate')}</h3>
          <Form action={paths.update.href(locale, { id: p.id })}>
            <SelectField name="status" label={t('pledges.fields.status')} form={f('update', { status: p.status ?? 'in_progress', reported_on: todayIso() })} options={pledgeStatuses.map((s) => ({ value: s, label: t(`pledges.statuses.${s}`) }))} />
            <TextField name="reported_on" type="date" label={t('pledges.page.reportedOn')} form={f('update', { reported_on: todayIso() })} />
            {LOCALES.map((l) => (
              <TextArea name={`note_${l}`} label={t('pledges.page.noteIn', { language: LOCALE_NAMES[l] })} form={f('update')} rows={3} maxlength={5000} lang={l} />
            ))}
            <Button>{t('pledges.page.saveUpdate')}</Button>
          </Form>
        </section>
      ) : null}

      <h2>{t('pledges.page.links')}</h2>
      {v.links.length ? (
        <ul>
          {v.links.map((l) => (
            <li>
              {t(l.label)}: <a href={l.href}>{l.title}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('pledges.page.noLinks')}</p>
      )}
      {v.can.link ? (
        <p>
          <a href={paths.links.href(locale, { id: p.id })}>{t('pledges.page.manageLinks')}</a>
        </p>
      ) : null}

      {v.can.setUnId ? (
        <section>
          <h2>{t('pledges.fields.unId')}</h2>
          <Form action={paths.unId.href(locale, { id: p.id })}>
            <TextField name="un_id" label={t('pledges.page.unIdLabel')} hint={t('pledges.page.unIdHint')} form={f('unId', { un_id: p.unId ?? '' })} maxlength={100} />
            <Button variant="secondary">{t('pledges.page.saveUnId')}</Button>
          </Form>
        </section>
      ) : null}
      {v.can.withdraw ? (
        <details>
          <summary>{t('pledges.page.withdraw')}</summary>
          <Form action={paths.withdraw.href(locale, { id: p.id })}>
            <TextArea name="comment" label={t('pledges.page.withdrawReason')} form={f('withdraw')} rows={3} maxlength={5000} />
            <Button variant="danger">{t('pledges.page.withdrawConfirm')}</Button>
          </Form>
        </details>
      ) : null}
      {v.can.history ? (
        <>
          <h2>{t('pledges.page.history')}</h2>
          <HistoryTable items={v.history} caption={t('pledges.page.history')} captionHidden />
        </>
      ) : null}
    </>
  );
}
