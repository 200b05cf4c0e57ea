/** @module Events views: the organizers' list of registrations — decisions, roles, invitations, counts by sector. */
import { Form, Button, SelectField, TextField, Table, EmptyState, TText, emptyForm, type FormState } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { paths } from '../paths.js';
import { PARTICIPANT_ROLES, SECTORS } from '../tables.js';
import type { Event, Registration } from '../queries.js';

export function RegistrationsPage(props: { e: Event; regs: Registration[]; inviteForm: FormState }) {
  const { t, locale: l, fmt } = useView();
  const { e } = props;
  const seated = props.regs.filter((r) => r.status === 'registered');
  return (
    <>
      <h1>{t('events.registrations.title')}</h1>
      <p>
        <a href={paths.event.href(l, { id: e.id })}>
          <TText value={e.title} />
        </a>
      </p>
      <h2>{t('events.registrations.bySector')}</h2>
      <Table
        caption={t('events.registrations.bySector')}
        captionHidden
        head={[t('events.fields.sector'), { label: t('events.registrations.count'), num: true }]}
        numeric={[1]}
        rows={SECTORS.map((s) => [t(`events.sectors.${s}`), fmt.number(seated.filter((r) => r.sector === s).length)])}
      />
      <h2>{t('events.registrations.people')}</h2>
      {props.regs.length ? (
        <Table
          caption={t('events.registrations.people')}
          captionHidden
          head={[t('events.fields.name'), t('events.fields.organization'), t('events.fields.sector'), t('events.registrations.status'), t('events.registrations.code'), t('events.registrations.role'), t('events.registrations.decide')]}
          rows={props.regs.map((r) => [
            <>
              {r.name}
              <br />
              <span class="small">{r.email}</span>
            </>,
            r.organization ?? '',
            t(`events.sectors.${r.sector}`),
            t(`events.registrationStatus.${r.status}`),
            r.status === 'registered' ? r.check_in_code : '',
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
export function GuestRegistrationPage(props: { e: Event; r: Registration }) {
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
    </>
  );
}
