/**
 * @module Elections views: the published record, checked twice — by the server while rendering (so the page
 * says something without JavaScript) and, where JavaScript runs, again in the visitor's own browser with the
 * verifier's code (client/check.ts), which is the check that does not rest on the server's word.
 */
import { Notice, TText } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { paths } from '../paths.js';
import type { Election } from '../queries.js';
import type { Child } from 'hono/jsx';

/** The verifier's report (long lines of hashes) in a box that scrolls by itself on a narrow screen. */
function Report(props: { children?: Child }) {
  const { t } = useView();
  return (
    <div class="table-wrap" role="group" tabindex={0} aria-label={t('elections.check.report')}>
      {props.children}
    </div>
  );
}

export function CheckPage(props: { e: Election; fingerprint: string | null; server: { ok: boolean; report: string } | null }) {
  const { t, locale: l } = useView();
  const { e, server } = props;
  const id = { id: e.id };
  const file = `election-${e.id}.json`;
  return (
    <>
      <h1>{t('elections.check.title')}</h1>
      <p>
        <a href={paths.election.href(l, id)}>
          <TText value={e.title} />
        </a>
      </p>
      <p>{t('elections.check.lead')}</p>
      {props.fingerprint ? (
        <p>
          {t('elections.page.fingerprint')}: <code class="hash">{props.fingerprint}</code>
        </p>
      ) : null}
      {!server ? (
        <Notice>{t('elections.receipt.notYet')}</Notice>
      ) : (
        <>
          <p>
            <a class="button secondary" href={paths.record.href(l, id)} download={file}>
              {t('elections.page.download')}
            </a>
          </p>
          <section
            aria-labelledby="in-browser"
            data-browser-check
            data-record-url={paths.record.href(l, id)}
            data-source={file}
            data-working={t('elections.check.working')}
            data-valid={t('elections.check.valid')}
            data-invalid={t('elections.check.invalid')}
            data-failed={t('elections.check.failed')}
            hidden
          >
            <h2 id="in-browser">{t('elections.check.browserTitle')}</h2>
            <p>{t('elections.check.browserLead')}</p>
            <div role="status" data-verdict class="notice">
              {t('elections.check.working')}
            </div>
            <Report>
              <pre class="mail" lang="en" data-report></pre>
            </Report>
            <p>
              <label for="local-file">{t('elections.check.localLabel')}</label>
              <br />
              <input type="file" id="local-file" accept=".json,application/json" data-local-file />
            </p>
            <div
              data-local-check
              data-working={t('elections.check.working')}
              data-valid={t('elections.check.valid')}
              data-invalid={t('elections.check.invalid')}
              data-failed={t('elections.check.failed')}
              hidden
            >
              <div role="status" data-verdict class="notice"></div>
              <Report>
                <pre class="mail" lang="en" data-report></pre>
              </Report>
            </div>
          </section>
          <section aria-labelledby="on-server">
            <h2 id="on-server">{t('elections.check.serverTitle')}</h2>
            <p>{t('elections.check.serverLead')}</p>
            <div class={`notice ${server.ok ? 'success' : 'error'}`} data-server-verdict={String(server.ok)}>
              {t(server.ok ? 'elections.check.valid' : 'elections.check.invalid')}
            </div>
            <Report>
              <pre class="mail" lang="en">
                {server.report}
              </pre>
            </Report>
          </section>
        </>
      )}
      <section aria-labelledby="yourself">
        <h2 id="yourself">{t('elections.check.yourselfTitle')}</h2>
        <p>{t('elections.check.yourselfLead')}</p>
        <p>
          <a class="button secondary" href={paths.verifier.href(l)} download="verifier.mjs">
            {t('elections.check.downloadVerifier')}
          </a>
        </p>
        <Report>
          <pre class="mail" lang="en">{`node verifier.mjs ${file}\nnode verifier.mjs ${file} --receipt K7QF-3MZP-9XRA-TW2D`}</pre>
        </Report>
        <p>
          <a href={paths.security.href(l)}>{t('elections.security.link')}</a>
        </p>
      </section>
      <script type="module" src={paths.client.href(l)}></script>
    </>
  );
}
