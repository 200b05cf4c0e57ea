/** @module Pages: who may do what. The trust pages are public; administrators edit them. */
import { definePolicy, isAdmin, type Actor } from '../../platform/authz/authz.js';

export const pagesPolicy = definePolicy({
  /** Edit the privacy notice, terms of use and contact page. */
  editSitePages: (a: Actor) => isAdmin(a),
});
