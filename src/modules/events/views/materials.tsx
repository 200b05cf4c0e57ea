/** @module Events views: materials on the event page (before / after, as the reader may see them) and the organizers' page. */
import { Form, Button, ErrorSummary, TextField, SelectField, ChoiceField, Table, EmptyState, TText, FileField, type FormState } from '../../../platform/views/components.js';
import { ACCEPT } from '../../../platform/files.js';
import { useView } from '../../../platform/views/context.js';
import { AttachmentList, type AttachmentItem } from '../../../platform/views/attachments.js';
import { paths } from '../paths.js';
import { MATERIAL_PHASES, MATERIAL_AUDIENCES } from '../tables.js';
import type { Event, Material } from '../queries.js';

function MaterialLink(props: { e: Event; m: Material }) {
  const { locale: l, fmt, t } = useView();
  const { m } = props;
  if (m.kind === 'link') return <a href={m.url!} rel="noopener noreferrer">{m.title}</a>;
  return (
    <>
      <a href={paths.material.href(l, { id: props.e.id, mid: m.id })}>{m.title}</a> <span class="small">({m.fileName}, {t('events.materials.size', { kb: fmt.number(Math.max(1, Math.round((m.size ?? 0) / 1024))) })})</span>
    </>
  );
}

/**
 * The materials the reader may see, before and after the event. `fileHref`: where a file downloads from (by default
 * the event's material route; a person without an account uses the route under their registration link).
 */
export function MaterialsSection(props: { e: Event; materials: Material[]; fileHref?: (m: Material) => string }) {
  const { t, locale: l } = useView();
  if (!props.materials.length) return null;
  const fileHref = props.fileHref ?? ((m: Material) => paths.material.href(l, { id: props.e.id, mid: m.id }));
  const item = (m: Material): AttachmentItem => ({
    href: m.kind === 'link' ? m.url! : fileHref(m),
    name: m.title,
    fileName: m.kind === 'file' ? m.fileName : null,
    size: m.kind === 'file' ? m.size : null,
    external: m.kind === 'link',
    note: m.audience === 'participants' ? t('events.materials.audiences.participants') : undefined,
  });
  return (
    <section aria-labelledby="materials">
      <h2 id="materials">{t('events.materials.title')}</h2>
      {MATERIAL_PHASES.map((ph) => {
        const ms = props.materials.filter((m) => m.phase === ph);
        return ms.length ? (
          <>
            <h3>{t(`events.materials.phases.${ph}`)}</h3>
            <AttachmentList items={ms.map(item)} />
          </>
        ) : null;
      })}
    </section>
  );
}

export function MaterialsPage(props: { e: Event; materials: Material[]; form: FormState }) {
  const { t, locale: l } = useView();
  const { e, form } = props;
  return (
    <>
      <h1>{t('events.materials.manage')}</h1>
      <p>
        <a href={paths.event.href(l, { id: e.id })}>
          <TText value={e.title} />
        </a>
      </p>
      {props.materials.length ? (
        <Table
          caption={t('events.materials.title')}
          captionHidden
          head={[t('events.materials.name'), t('events.materials.phase'), t('events.materials.audience'), t('events.materials.remove')]}
          rows={props.materials.map((m) => [
            <MaterialLink e={e} m={m} />,
            t(`events.materials.phases.${m.phase}`),
            t(`events.materials.audiences.${m.audience}`),
            <Form action={paths.removeMaterial.href(l, { id: e.id, mid: m.id })}>
              <Button variant="danger">{t('events.materials.removeOf', { title: m.title })}</Button>
            </Form>,
          ])}
        />
      ) : (
        <EmptyState>{t('events.materials.none')}</EmptyState>
      )}
      <h2>{t('events.materials.add')}</h2>
      <ErrorSummary errors={form.errors} />
      <Form action={paths.materials.href(l, { id: e.id })} enctype="multipart/form-data">
        <TextField name="title" label={t('events.materials.name')} form={form} maxlength={200} />
        <ChoiceField name="kind" legend={t('events.materials.kind')} form={form} options={[{ value: 'file', label: t('events.materials.kinds.file') }, { value: 'link', label: t('events.materials.kinds.link') }]} />
        <FileField name="file" label={t('events.materials.file')} hint={t('events.materials.fileHint')} form={form} accept={ACCEPT} />
        <TextField name="url" type="url" label={t('events.materials.url')} hint={t('events.materials.urlHint')} form={form} maxlength={500} />
        <SelectField name="phase" label={t('events.materials.phase')} form={form} options={MATERIAL_PHASES.map((x) => ({ value: x, label: t(`events.materials.phases.${x}`) }))} />
        <SelectField name="audience" label={t('events.materials.audience')} form={form} options={MATERIAL_AUDIENCES.map((x) => ({ value: x, label: t(`events.materials.audiences.${x}`) }))} />
        <Button>{t('events.materials.add')}</Button>
      </Form>
    </>
  );
}
