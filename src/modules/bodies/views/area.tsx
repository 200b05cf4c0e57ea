/**
 * @module Bodies views: the members' area — the person's organizations (join, leave), the requests and
 * members (for managers), the positions, and the appointment form (administrators). What is shown is
 * decided by the same policy rules that refuse the requests.
 */
import type { Child } from 'hono/jsx';
import { useView } from '../../../platform/views/context.js';
import { Form, Button, ErrorSummary, TextField, SelectField, Table, EmptyState, Notice, type FormState } from '../../../platform/views/components.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import { positionsForKind, type BodyRow, type BodyFacts, type BodyMembership, type PositionHolding } from '../queries.js';
import { bodiesPolicy } from '../policy.js';
import { paths } from '../paths.js';
import { paths as electionsPaths } from '../../elections/paths.js';

export interface AreaData {
  body: BodyRow;
  facts: BodyFacts;
  /** The body's pending requests and its members. */
  pending: BodyMembership[];
  members: BodyMembership[];
  holdings: PositionHolding[];
  orgName: Map<string, string>;
  /** The position tables, rendered once for every reader (`PositionsTables`). */
  positions: Child;
  form: FormState;
  /** Other modules' sections for this reader (manifest `bodyAreaSections`), shown after the area's links. */
  sections?: Child[];
}

export function AreaPage(props: AreaData) {
  const { t, locale: l, user, fmt } = useView();
  const { body, facts, holdings, orgName, form, pending, members } = props;
  const slug = { slug: body.slug };
  const current = holdings.filter((h) => h.current);
  return (
    <>
      <h1>{t('bodies.area.title', { body: pickTranslated(body.name, l)?.text ?? body.slug })}</h1>
      <ErrorSummary errors={form.errors} />
      <p>
        <a href={paths.body.href(l, slug)}>{t('bodies.area.publicPage')}</a>
        {' · '}
        <a href={electionsPaths.list.href(l, {}, { body: body.slug })}>{t('bodies.electionsLink')}</a>
        {bodiesPolicy.can(user, 'callElection', facts) ? (
          <>
            {' · '}
            <a href={electionsPaths.call.href(l, {}, { body: body.slug })}>{t('bodies.area.callElection')}</a>
          </>
        ) : null}
        {bodiesPolicy.can(user, 'edit') ? (
          <>
            {' · '}
            <a href={paths.edit.href(l, slug)}>{t('bodies.edit.link')}</a>
          </>
        ) : null}
      </p>
      {props.sections}
      {facts.isSecretary ? <Notice>{t('bodies.area.youAreSecretary')}</Notice> : null}
      <h2>{t('bodies.area.yourOrgs')}</h2>
      {facts.myOrgs.length ? (
        <Table
          caption={t('bodies.area.yourOrgs')}
          captionHidden
          head={[t('bodies.positions.org'), t('bodies.area.status'), t('bodies.area.action')]}
          rows={facts.myOrgs.map((o) => [
            o.name,
            t(`bodies.area.statuses.${o.status ?? 'none'}`),
            o.status === 'member' || o.status === 'pending' ? (
              <Form action={paths.leave.href(l, slug)}>
                <input type="hidden" name="org" value={o.id} />
                <Button variant="secondary">{o.status === 'pending' ? t('bodies.area.withdraw', { org: o.name }) : t('bodies.area.leave', { org: o.name })}</Button>
              </Form>
            ) : (
              <Form action={paths.join.href(l, slug)}>
                <input type="hidden" name="org" value={o.id} />
                <Button>{t('bodies.area.join', { org: o.name })}</Button>
              </Form>
            ),
          ])}
        />
      ) : (
        <EmptyState>{t('bodies.area.noOrgs')}</EmptyState>
      )}
      {bodiesPolicy.can(user, 'manageMembership', facts) ? (
        <>
          <h2>{t('bodies.area.requests')}</h2>
          {pending.length ? (
            <Table
              caption={t('bodies.area.requests')}
              captionHidden
              head={[t('bodies.positions.org'), t('bodies.area.requestedAt'), t('bodies.area.action')]}
              rows={pending.map((m) => [
                orgName.get(m.orgId) ?? m.orgId,
                fmt.date(m.requestedAt),
                <div class="actions">
                  <Form action={paths.requests.href(l, slug)}>
                    <input type="hidden" name="org" value={m.orgId} />
                    <Button name="decision" value="approve">
                      {t('bodies.area.approve', { org: orgName.get(m.orgId) ?? '' })}
                    </Button>
                  </Form>
                  <Form action={paths.requests.href(l, slug)}>
                    <input type="hidden" name="org" value={m.orgId} />
                    <Button name="decision" value="decline" variant="secondary">
                      {t('bodies.area.decline', { org: orgName.get(m.orgId) ?? '' })}
                    </Button>
                  </Form>
                </div>,
              ])}
            />
          ) : (
            <EmptyState>{t('bodies.area.noRequests')}</EmptyState>
          )}
          <h2>{t('bodies.members.title', { count: members.length })}</h2>
          {members.length ? (
            <Table
              caption={t('bodies.members.title', { count: members.length })}
              captionHidden
              head={[t('bodies.positions.org'), t('bodies.area.since'), t('bodies.area.action')]}
              rows={members.map((m) => [
                orgName.get(m.orgId) ?? m.orgId,
                fmt.date(m.decidedAt ?? m.requestedAt),
                <Form action={paths.leave.href(l, slug)}>
                  <input type="hidden" name="org" value={m.orgId} />
                  <Button variant="danger">{t('bodies.area.remove', { org: orgName.get(m.orgId) ?? '' })}</Button>
                </Form>,
              ])}
            />
          ) : (
            <EmptyState>{t('bodies.members.none')}</EmptyState>
          )}
        </>
      ) : null}
      {props.positions}
      {bodiesPolicy.can(user, 'endPosition') && current.length ? (
        <ul>
          {current.map((h) => (
            <li>
              <Form action={paths.endPosition.href(l, { slug: body.slug, id: h.id })}>
                <Button variant="secondary">{t('bodies.area.endHolding', { position: t(`bodies.positions.names.${h.position}`), person: h.holderName })}</Button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
      {bodiesPolicy.can(user, 'appoint') ? (
        <>
          <h2 id="appoint">{t('bodies.area.appoint')}</h2>
          <p class="hint">{t('bodies.area.appointHint')}</p>
          <Form action={`${paths.appoint.href(l, slug)}#appoint`}>
            <SelectField name="position" label={t('bodies.positions.position')} form={form} options={positionsForKind(body.kind).map((p) => ({ value: p, label: t(`bodies.positions.names.${p}`) }))} />
            <TextField name="email" type="email" label={t('bodies.area.personEmail')} form={form} autocomplete="off" />
            <SelectField name="org" label={t('bodies.positions.org')} form={form} empty={t('bodies.area.chooseOrg')} options={members.map((m) => ({ value: m.orgId, label: orgName.get(m.orgId) ?? m.orgId }))} />
            <TextField name="starts_on" type="date" label={t('bodies.area.startsOn')} form={form} />
            <TextField name="ends_on" type="date" label={t('bodies.area.endsOn')} hint={t('bodies.area.endsOnHint')} form={form} />
            <Button>{t('bodies.area.appointSubmit')}</Button>
          </Form>
        </>
      ) : null}
    </>
  );
}
