/**
 * @module Pages: the home page and the about page. Both are declared in the platform's paths (the layout,
 * which cannot import a module, links to them on every page) and re-exported here, so each URL is written
 * once.
 */
import { route } from '../../platform/http/paths.js';
import { paths as platformPaths } from '../../platform/paths.js';

export const paths = {
  home: platformPaths.home,
  about: platformPaths.about,
};

/**
 * Pages of other modules the home page links to. The membership module declares its application form in
 * its own paths.ts (on another branch); until that is merged the link is built here, once.
 * TODO(merge): replace with `paths.join` imported from '../membership/index.js'.
 */
export const elsewhere = {
  join: route('/join'),
};
