/** @module Events views: one event — when, where, the agenda, registration, and the organizers' actions. */
import { Form, Button, SelectField, TextField, Notice, Table, TText, ErrorSummary, type FormState } from '../../../platform/views/components.js';
import { QuestionFields } from './questions.js';
import { MaterialsSection } from './materials.js';
import type { Question, Material, Representation } from '../queries.js';
import { RepresentationSection } from './representation.js';
import { useView } from '../../../platform/views/context.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import { paths as platformPaths } from '../../../platform/paths.js';
import { paths, bodyPage } from '../paths.js';
import { SECTORS } from '../tables.js';
import { translationStatus, type Event, type AgendaItem, type Registration } from '../queries.js';
import { When } from '../../../platform/views/when.js';
import { MinutesSection } from './minutes.js';
import type { Minutes } from '../queries.js';

export interface EventPageProps {
  e: Event;
  agenda: AgendaItem[];
  bodies: { id: string; slug: string; name: string }[];
  objectives: { n: number; title: string }[];
  country: string | null;
  mine: Registration | undefined;
  can: { organize: boolean; register: boolean; guest: boolean; seeLink: boolean };
  closed: string | null;
  waitlisted: number;
  reader: string | null;
  form: FormState;
  guestForm: FormState;
  /** The reader's member organizations (to register for one of them). */
  myOrgs: { value: string; label: string }[];
  attendance: { total: number; bySector: Record<string, number> };
  /** Published minutes, if any. */
  minutes?: Minutes;
  bodyName: Map<string, string>;
  /** The organizers' registration questions. */
  questions: Question[];
  /** The materials this reader may see. */
  materials: Material[];
  /** An external event's representation. */
  representation?: Representation;
}

const sectorOptions = (t: (k: string) => string) => SECTORS.map((s) => ({ value: s, label: t(`events.sectors.${s}`) }));

export function EventPage(p: EventPageProps) {
  const { t, locale: l, fmt } = useView();
  const { e } = p;
  const id = { id: e.id };
  const ts = translationStatus(e);
  const active = p.mine && ['registered', 'waitlisted', 'pending_approval', 'pending_email'].includes(p.mine.status);
  return (
    <>
      <p class="muted">
        {t(`events.kinds.${e.kind}`)}
        {e.external ? ` · ${t('events.external.badge')}` : ''}
      </p>
      <h1>
        <TText value={e.title} />
      </h1>
      {e.status === 'cancelled' ? <Notice type="warning">{t('events.page.cancelledNotice')}</Notice> : null}
      {p.can.organize ? (
        <p>
          <a class="button secondary" href={paths.edit.href(l, id)}>
            {t('events.page.edit')}
          </a>{' '}
          <a class="button secondary" href={paths.registrations.href(l, id)}>
            {t('events.page.registrations')}
          </a>{' '}
          <a class="button secondary" href={paths.minutes.href(l, id)}>
            {t('events.minutes.title')}
          </a>{' '}
          <a class="button secondary" href={paths.questions.href(l, id)}>
            {t('events.questions.title')}
          </a>{' '}
          <a class="button secondary" href={paths.materials.href(l, id)}>
            {t('events.materials.manage')}
          </a>
          {e.external ? (
            <>
              {' '}
              <a class="button secondary" href={paths.representation.href(l, id)}>
                {t('events.representation.manage')}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      <dl class="facts">
        {e.external ? (
          <>
            <dt>{t('events.external.label')}</dt>
            <dd>
              {e.external.organizer} ({t(`events.external.by.${e.external.by}`)})
            </dd>
          </>
        ) : null}
        <dt>{t('events.fields.starts')}</dt>
        <dd>
          <When at={e.startsAt} zone={e.timeZone} reader={p.reader} />
        </dd>
        <dt>{t('events.fields.ends')}</dt>
        <dd>
          <When at={e.endsAt} zone={e.timeZone} reader={p.reader} />
        </dd>
        <dt>{t('events.fields.timeZone')}</dt>
        <dd>{e.timeZone}</dd>
        <dt>{t('events.fields.format')}</dt>
        <dd>{t(`events.formats.${e.format}`)}</dd>
        {e.format !== 'online' ? (
          <>
            <dt>{t('events.fields.venue')}</dt>
            <dd>{[e.venue.address, e.venue.city, p.country].filter(Boolean).join(', ')}</dd>
          </>
        ) : null}
        {e.format !== 'in_person' ? (
          <>
            <dt>{t('events.fields.onlineUrl')}</dt>
            <dd>{p.can.seeLink && e.onlineUrl ? <a href={e.onlineUrl} rel="noopener noreferrer">{e.onlineUrl}</a> : t('events.page.linkForRegistered')}</dd>
          </>
        ) : null}
        {p.bodies.length ? (
          <>
            <dt>{t('events.fields.bodies')}</dt>
            <dd>
              {p.bodies.map((b, i) => (
                <>
                  {i ? ', ' : ''}
                  <a href={bodyPage.href(l, { slug: b.slug })}>{b.name}</a>
                </>
              ))}
            </dd>
          </>
        ) : null}
        {p.objectives.length ? (
          <>
            <dt>{t('events.fields.objectives')}</dt>
            <dd>
              {p.objectives.map((o, i) => (
                <>
                  {i ? ', ' : ''}
                  <a href={platformPaths.objective.href(l, { n: o.n })}>{o.title}</a>
                </>
              ))}
            </dd>
          </>
        ) : null}
        <dt>{t('events.fields.visibility')}</dt>
        <dd>{t(`events.visibilities.${e.visibility}`)}</dd>
        <dt>{t('events.fields.languages')}</dt>
        <dd>
          {LOCALES.filter((x) => ts[x])
            .map((x) => `${LOCALE_NAMES[x]} (${t(`events.translation.${ts[x]}`)})`)
            .join(', ')}
        </dd>
      </dl>
      <p>
        <a href={paths.ics.href(l, id)} download={`event-${e.id}.ics`}>
          {t('events.page.addToCalendar')}
        </a>
      </p>
      <section aria-labelledby="about">
        <h2 id="about">{t('events.page.about')}</h2>
        <TText value={e.description} as="div" />
      </section>
      {p.agenda.length ? (
        <section aria-labelledby="agenda">
          <h2 id="agenda">{t('events.page.agenda')}</h2>
          <Table
            caption={t('events.page.agenda')}
            captionHidden
            head={[t('events.page.time'), t('events.page.item'), t('events.page.speakers')]}
            rows={p.agenda.map((a) => [<When at={a.startsAt} zone={e.timeZone} reader={p.reader} />, a.title, a.speakers ?? ''])}
          />
        </section>
      ) : null}
      {e.external ? <RepresentationSection r={p.representation} bodyName={p.bodyName} /> : null}
      <MaterialsSection e={e} materials={p.materials} />
      {p.minutes ? <MinutesSection m={p.minutes} bodyName={p.bodyName} /> : null}
      {p.attendance.total ? (
        <section aria-labelledby="attendance">
          <h2 id="attendance">{t('events.page.attendance')}</h2>
          <p>{t('events.page.attended', { n: fmt.number(p.attendance.total) })}</p>
          <Table
            caption={t('events.registrations.bySector')}
            captionHidden
            head={[t('events.fields.sector'), { label: t('events.registrations.count'), num: true }]}
            numeric={[1]}
            rows={SECTORS.filter((s) => p.attendance.bySector[s]).map((s) => [t(`events.sectors.${s}`), fmt.number(p.attendance.bySector[s]!)])}
          />
        </section>
      ) : null}
      <section aria-labelledby="registration">
        <h2 id="registration">{t('events.page.registration')}</h2>
        <p>
          {t(`events.modes.${e.registrationMode}`)}
          {e.capacity !== null ? ` · ${t('events.page.seats', { taken: fmt.number(e.registeredCount), capacity: fmt.number(e.capacity) })}` : ''}
          {p.waitlisted ? ` · ${t('events.page.waitlist', { n: fmt.number(p.waitlisted) })}` : ''}
        </p>
        {e.registrationClosesAt ? (
          <p>
            {t('events.fields.registrationCloses')}: <When at={e.registrationClosesAt} zone={e.timeZone} reader={p.reader} />
          </p>
        ) : null}
        {active ? (
          <>
            <Notice type={p.mine!.status === 'registered' ? 'success' : 'info'}>
              <p>{t(`events.registrationStatus.${p.mine!.status}`)}</p>
              {p.mine!.status === 'registered' ? <p>{t('events.page.checkIn', { code: p.mine!.check_in_code })}</p> : null}
            </Notice>
            <Form action={paths.unregister.href(l, id)}>
              <Button variant="secondary">{t('events.page.cancelMine')}</Button>
            </Form>
          </>
        ) : p.closed ? (
          <p>{t(p.closed)}</p>
        ) : p.can.register ? (
          <Form action={paths.register.href(l, id)}>
            <ErrorSummary errors={p.form.errors} />
            <SelectField name="sector" label={t('events.fields.sector')} form={p.form} options={sectorOptions(t)} />
            {p.myOrgs.length ? <SelectField name="org" label={t('events.fields.memberOrg')} form={p.form} options={p.myOrgs} empty={t('events.page.noMemberOrg')} /> : null}
            <TextField name="organization" label={t('events.fields.organization')} hint={t('events.page.organizationHint')} form={p.form} maxlength={200} />
            {e.registrationMode === 'invitation' ? <TextField name="code" label={t('events.fields.code')} form={p.form} maxlength={40} /> : null}
            <QuestionFields questions={p.questions} form={p.form} />
            <Button>{t('events.page.register')}</Button>
          </Form>
        ) : p.can.guest ? (
          <>
            <p>{t('events.page.guestLead')}</p>
            <Form action={paths.guest.href(l, id)}>
              <ErrorSummary errors={p.guestForm.errors} />
              <TextField name="name" label={t('events.fields.name')} form={p.guestForm} autocomplete="name" maxlength={200} />
              <TextField name="email" type="email" label={t('events.fields.email')} form={p.guestForm} autocomplete="email" maxlength={254} />
              <TextField name="organization" label={t('events.fields.organization')} form={p.guestForm} autocomplete="organization" maxlength={200} />
              <SelectField name="sector" label={t('events.fields.sector')} form={p.guestForm} options={sectorOptions(t)} />
              {e.registrationMode === 'invitation' ? <TextField name="code" label={t('events.fields.code')} form={p.guestForm} maxlength={40} /> : null}
              <QuestionFields questions={p.questions} form={p.guestForm} />
              <Button>{t('events.page.register')}</Button>
            </Form>
          </>
        ) : null}
      </section>
      {p.can.organize && e.status === 'scheduled' ? (
        <section aria-labelledby="organize">
          <h2 id="organize">{t('events.page.organize')}</h2>
          <Form action={paths.cancelEvent.href(l, id)}>
            <Button variant="danger">{t('events.page.cancelEvent')}</Button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
