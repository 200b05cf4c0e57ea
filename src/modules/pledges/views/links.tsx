/** @module Pledges views: linking a pledge to other modules' things (every declared link target type). */
import { Form, Button, SelectField, TextField, Table, EmptyState, type FormState, type Option } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import type { ResolvedLink } from '../../../platform/links.js';
import type { Pledge } from '../queries.js';
import { paths } from '../paths.js';
import { titleText } from './parts.js';

export function LinksPage(props: { p: Pledge; types: Option[]; links: ResolvedLink[]; search: FormState; candidates: { id: string; title: string }[] | null; type: string }) {
  const { t, locale } = useView();
  const { p } = props;
  return (
    <>
      <h1>{t('pledges.links.title', { ref: p.ref })}</h1>
      <p>
        <a href={paths.pledge.href(locale, { id: p.id })}>{titleText(p, locale)}</a>
      </p>
      <h2>{t('pledges.links.current')}</h2>
      {props.links.length ? (
        <Table
          caption={t('pledges.links.current')}
          captionHidden
          head={[t('pledges.links.kind'), t('pledges.links.thing'), t('pledges.links.action')]}
          rows={props.links.map((l) => [
            t(l.label),
            <a href={l.href}>{l.title}</a>,
            <Form action={paths.unlink.href(locale, { id: p.id })}>
              <input type="hidden" name="type" value={l.type} />
              <input type="hidden" name="target" value={l.id} />
              <Button variant="secondary">{t('pledges.links.remove', { title: l.title })}</Button>
            </Form>,
          ])}
        />
      ) : (
        <EmptyState>{t('pledges.page.noLinks')}</EmptyState>
      )}
      <h2>{t('pledges.links.add')}</h2>
      {props.types.length ? (
        <Form action={paths.links.href(locale, { id: p.id })} method="get">
          <SelectField name="type" label={t('pledges.links.kind')} form={props.search} options={props.types} />
          <TextField name="q" type="search" label={t('pledges.links.search')} form={props.search} maxlength={100} />
          <Button variant="secondary">{t('pledges.links.find')}</Button>
        </Form>
      ) : (
        <EmptyState>{t('pledges.links.noTypes')}</EmptyState>
      )}
      {props.candidates ? (
        props.candidates.length ? (
          <ul>
            {props.candidates.map((x) => (
              <li>
                <Form action={paths.links.href(locale, { id: p.id })}>
                  <input type="hidden" name="type" value={props.type} />
                  <input type="hidden" name="target" value={x.id} />
                  {x.title} <Button variant="secondary">{t('pledges.links.link', { title: x.title })}</Button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>{t('pledges.links.noCandidates')}</EmptyState>
        )
      ) : null}
    </>
  );
}
