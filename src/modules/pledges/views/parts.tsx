/** @module Pledges views: small parts shared by the pages (a pledge's title link, its organizations). */
import { useView } from '../../../platform/views/context.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import type { OrgSummary } from '../../membership/index.js';
import { paths as membershipPaths } from '../../membership/paths.js';
import type { Pledge } from '../queries.js';
import { paths } from '../paths.js';

export function titleText(p: Pick<Pledge, 'title' | 'ref'>, locale: Parameters<typeof pickTranslated>[1]): string {
  return pickTranslated(p.title, locale)?.text ?? p.ref;
}

export function PledgeLink(props: { p: Pick<Pledge, 'id' | 'ref' | 'title'> }) {
  const { locale } = useView();
  return (
    <a href={paths.pledge.href(locale, { id: props.p.id })}>
      {props.p.ref} · {titleText(props.p, locale)}
    </a>
  );
}

/**
 * The pledging organizations, the lead first: each links to its directory page; an organization that is no
 * longer a member (withdrawn, suspended) is marked "former member" — its published pledges stay.
 */
export function OrgNames(props: { p: Pick<Pledge, 'orgs'>; orgs: Map<string, OrgSummary>; confirmations?: boolean }) {
  const { t, locale } = useView();
  return (
    <>
      {props.p.orgs.map((o, i) => {
        const org = props.orgs.get(o.orgId);
        return (
          <>
            {i ? ', ' : ''}
            {org?.status === 'member' ? <a href={membershipPaths.member.href(locale, { slug: org.slug })}>{org.name}</a> : (org?.name ?? t('pledges.page.unknownOrg'))}
            {org?.status === 'withdrawn' ? <span class="tag"> {t('pledges.page.formerMember')}</span> : null}
            {props.confirmations && !o.lead ? <span class="small muted"> ({o.confirmedAt ? t('pledges.page.confirmed') : t('pledges.page.notConfirmed')})</span> : null}
          </>
        );
      })}
    </>
  );
}
