/** @module Events views: the organizers' list of registrations — decisions, roles, invitations, counts by sector. */
import { Form, Button, SelectField, TextField, Table, EmptyState, TText, emptyForm, type FormState } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { paths } from '../paths.js';
import { paths as membershipPaths } from '../../membership/index.js';

const memberPage = membershipPaths.member;
import { PARTICIPANT_ROLES, SECTORS } from '../tables.js';
import type { Event, Registration, Question, Material } from '../queries.js';
import { MaterialsSection } from './materials.js';
import { questionLabel, answerText } from './questions.js';

export function RegistrationsPage(props: {
  e: Event;
  regs: Registration[];
  inviteForm: FormState;
  checkInForm: FormState;
  attendance: { total: number; bySector: Record<string, number>; byOrg: Record<string, number>; outsideDirectory: number };
  orgs: { id: string; slug: string; name: string; country: string }[];
  questions: Question[];
  answers: Map<string, Map<string, string>>;
}) {
  const { t, locale: l, fmt } = useView();
  const { e, attendance: a } = props;
  const seated = props.regs.filter((r) => r.status === 'registered');
  const orgName = new Map(props.orgs.map((o) => [o.id, o]));
  const byCountry = new Map<string, number>();
  for (const [id, n] of Object.entries(a.byOrg)) {
    const c = orgName.get(id)?.country ?? '—';
    byCountry.set(c, (byCountry.get(c) ?? 0) + n);
  }
  return (
    <>
      <h1>{t('events.registrations.title')}</h1>
      <p>
        <a href={paths.event.href(l, { id: e.id })}>
          <TText value={e.title} />
        </a>
      </p>
      <p>
        <a href={paths.registrationsCsv.href(l, { id: e.id })} download={`registrations-${e.id}.csv`}>
          {t('events.registrations.csv')}
        </a>
        {' · '}
        <a href={paths.questions.href(l, { id: e.id })}>{t('events.questions.title')}</a>
      </p>
      <section aria-labelledby="check-in">
        <h2 id="check-in">{t('events.registrations.checkIn')}</h2>
        <Form action={paths.checkIn.href(l, { id: e.id })}>
          <TextField name="code" label={t('events.registrations.code')} hint={t('events.registrations.checkInHint')} form={props.checkInForm} maxlength={12} autocomplete="off" spellcheck={false} />
          <Button>{t('events.registrations.markPresent')}</Button>
        </Form>
      </section>
      <h2>{t('events.registrations.bySector')}</h2>
      <Table
        caption={t('events.registrations.bySector')}
        captionHidden
        head={[t('events.fields.sector'), { label: t('events.registrations.count'), num: true }, { label: t('events.registrations.present'), num: true }]}
        numeric={[1, 2]}
        rows={SECTORS.map((s) => [t(`events.sectors.${s}`), fmt.number(seated.filter((r) => r.sector === s).length), fmt.number(a.bySector[s] ?? 0)])}
      />
      {a.total ? (
        <>
          <h2>{t('events.registrations.byOrg')}</h2>
          <Table
            caption={t('events.registrations.byOrg')}
            captionHidden
            head={[t('events.fields.organization'), t('events.fields.country'), { label: t('events.registrations.present'), num: true }]}
            numeric={[2]}
            rows={[
              ...Object.entries(a.byOrg).map(([id, n]) => {
                const o = orgName.get(id);
                return [o ? <a href={memberPage.href(l, { slug: o.slug })}>{o.name}</a> : id, o?.country ?? '—', fmt.number(n)];
              }),
              ...(a.outsideDirectory ? [[t('events.registrations.outsideDirectory'), '—', fmt.number(a.outsideDirectory)]] : []),
            ]}
          />
          <h2>{t('events.registrations.byCountry')}</h2>
          <Table
            caption={t('events.registrations.byCountry')}
            captionHidden
            head={[t('events.fields.country'), { label: t('events.registrations.present'), num: true }]}
            numeric={[1]}
            rows={[...byCountry].map(([c, n]) => [c, fmt.number(n)])}
          />
        </>
      ) : null}
      <h2>{t('events.registrations.people')}</h2>
      {props.regs.length ? (
        <Table
          caption={t('events.registrations.people')}
          captionHidden
          head={[t('events.fields.name'), t('events.fields.organization'), t('events.fields.sector'), t('events.registrations.status'), t('events.registrations.code'), t('events.registrations.attendance'), t('events.registrations.role'), t('events.registrations.decide'), ...(props.questions.length ? [t('events.registrations.answers')] : [])]}
          rows={props.regs.map((r) => [
            <>
              {r.name}
              <br />
              <span class="small">{r.email}</span>
            </>,
            r.org_id ? orgName.get(r.org_id)?.name ?? '' : r.organization ?? '',
            t(`events.sectors.${r.sector}`),
            t(`events.registrationStatus.${r.status}`),
            r.status === 'registered' ? r.check_in_code : '',
            r.status === 'registered' ? (
              <Form action={paths.decide.href(l, { id: e.id, rid: r.id })}>
                {r.attended_at ? <span>{t('events.registrations.present')} </span> : null}
                <Button variant="secondary" name="attendance" value={r.attended_at ? 'absent' : 'present'}>
                  {t(r.attended_at ? 'events.registrations.markAbsentOf' : 'events.registrations.markPresentOf', { name: r.name })}
                </Button>
              </Form>
            ) : (
              ''
            ),
            <Form action={paths.decide.href(l, { id: e.id, rid: r.id })}>
              <SelectField name="role" label={t('events.registrations.roleOf', { name: r.name })} form={emptyForm({ role: r.role })} options={PARTICIPANT_ROLES.map((x) => ({ value: x, label: t(`events.roles.${x}`) }))} />
              <Button variant="secondary">{t('events.registrations.setRole')}</Button>
            </Form>,
            <>
              {r.status === 'pending_approval' ? (
                <Form action={paths.decide.href(l, { id: e.id, rid: r.id })}>
                  <Button name="decision" value="approve">
                    {t('events.registrations.approve')}
                  </Button>
                </Form>
              ) : null}
              {['pending_approval', 'waitlisted', 'registered'].includes(r.status) ? (
                <Form action={paths.decide.href(l, { id: e.id, rid: r.id })}>
                  <Button variant="danger" name="decision" value="decline">
                    {t('events.registrations.decline')}
                  </Button>
                </Form>
              ) : null}
            </>,
            ...(props.questions.length
              ? [
                  <dl class="answers">
                    {props.questions
                      .filter((q) => props.answers.get(r.id)?.has(q.id))
                      .map((q) => (
                        <>
                          <dt>{questionLabel(q, t)}</dt>
                          <dd>{answerText(q, props.answers.get(r.id)!.get(q.id))}</dd>
                        </>
                      ))}
                  </dl>,
                ]
              : []),
          ])}
        />
      ) : (
        <EmptyState>{t('events.registrations.none')}</EmptyState>
      )}
      {e.registrationMode === 'invitation' && e.status === 'scheduled' ? (
        <section aria-labelledby="invite">
          <h2 id="invite">{t('events.registrations.invite')}</h2>
          <Form action={paths.invite.href(l, { id: e.id })}>
            <TextField name="email" type="email" label={t('events.fields.email')} form={props.inviteForm} maxlength={254} />
            <Button>{t('events.registrations.sendInvitation')}</Button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

/** A person without an account: their registration, from the link mailed to them (confirm, cancel). */
/** A person's registration by their link: its state, the confirm and cancel buttons, and the materials they may open (through the link). */
export function GuestRegistrationPage(props: { e: Event; r: Registration; materials: Material[] }) {
  const { t, locale: l } = useView();
  const { e, r } = props;
  const at = { id: e.id, token: r.token };
  return (
    <>
      <h1>{t('events.guest.title')}</h1>
      <p>
        <a href={paths.event.href(l, { id: e.id })}>
          <TText value={e.title} />
        </a>
      </p>
      <p>{t(`events.registrationStatus.${r.status}`)}</p>
      {r.status === 'registered' ? <p>{t('events.page.checkIn', { code: r.check_in_code })}</p> : null}
      {r.status === 'registered' && e.onlineUrl ? (
        <p>
          {t('events.fields.onlineUrl')}: <a href={e.onlineUrl} rel="noopener noreferrer">{e.onlineUrl}</a>
        </p>
      ) : null}
      {r.status === 'pending_email' ? (
        <Form action={paths.confirm.href(l, at)}>
          <Button>{t('events.guest.confirm')}</Button>
        </Form>
      ) : null}
      {['pending_email', 'pending_approval', 'registered', 'waitlisted'].includes(r.status) ? (
        <Form action={paths.guestCancel.href(l, at)}>
          <Button variant="secondary">{t('events.page.cancelMine')}</Button>
        </Form>
      ) : null}
      <MaterialsSection e={e} materials={props.materials} fileHref={(m) => paths.guestMaterial.href(l, { ...at, mid: m.id })} />
    </>
  );
}
