/** @module Elections views: looking up a receipt code in a closed election's published ballots. */
import { Form, Button, TextField, Table, Notice, TText, emptyForm } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { paths } from '../paths.js';
import { isPublished, type Election } from '../queries.js';

export interface ReceiptLookup {
  /** What was typed ('' on the first visit). */
  raw: string;
  /** The code as normalized, or null when it is not a receipt code. */
  code: string | null;
  found?: { seq: number; receipt: string; choices: Record<string, string | null>; hash: string };
}

export function ReceiptPage(props: { e: Election; lookup: ReceiptLookup }) {
  const { t, locale } = useView();
  const { e } = props;
  const { raw, code, found } = props.lookup;
  const def = e.definition;
  return (
    <>
      <h1>{t('elections.receipt.title')}</h1>
      <p>
        <a href={paths.election.href(locale, { id: e.id })}>
          <TText value={e.title} />
        </a>
      </p>
      {!isPublished(e) ? (
        <Notice>{t('elections.receipt.notYet')}</Notice>
      ) : found && def ? (
        <>
          <Notice type="success">{t('elections.receipt.found', { code: found.receipt, seq: found.seq })}</Notice>
          <Table
            caption={t('elections.receipt.ballot')}
            head={[t('elections.list.positions'), t('elections.page.candidate')]}
            rows={def.races.map((race) => [t(`bodies.positions.names.${race.position}`), found.choices[race.id] ? (race.candidates.find((cd) => cd.id === found.choices[race.id])?.name ?? '?') : t('elections.page.blank')])}
          />
          <p class="small">
            {t('elections.receipt.hash')}: <code class="hash">{found.hash}</code>
          </p>
        </>
      ) : raw ? (
        <Notice type="error">{code ? t('elections.receipt.notFound') : t('elections.receipt.malformed')}</Notice>
      ) : null}
      <Form action={paths.receipt.href(locale, { id: e.id })}>
        <TextField name="code" label={t('elections.receipt.label')} hint={t('elections.receipt.hint')} form={emptyForm({ code: raw })} autocomplete="off" spellcheck={false} />
        <Button>{t('elections.receipt.submit')}</Button>
      </Form>
      {isPublished(e) ? (
        <p>
          <a href={paths.check.href(locale, { id: e.id })}>{t('elections.check.link')}</a>
        </p>
      ) : null}
    </>
  );
}
