/** @module View context: what components read from the request (language, translator, user; a form's CSRF secret: `csrfToken(c)`, http/csrf.ts). */
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../http/env.js';

export function useView() {
  const c = useRequestContext<AppEnv>();
  const locale = c.get('locale');
  return {
    c,
    locale,
    t: c.get('t'),
    fmt: c.get('fmt'),
    user: c.get('user'),
    /** A path in the current language: href('/bodies') → '/es/bodies'. */
    href: (path: string) => `/${locale}${path === '/' ? '/' : path}`,
  };
}
