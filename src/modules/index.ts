/**
 * @module Modules
 * Every capability, in order. Adding one means adding its folder and one line here.
 */
import type { ModuleManifest } from '../platform/module.js';
import { pagesModule } from './pages/manifest.js';
import { membershipModule } from './membership/manifest.js';
import { bodiesModule } from './bodies/manifest.js';
import { practicesModule } from './practices/manifest.js';
import { electionsModule } from './elections/manifest.js';
import { eventsModule } from './events/manifest.js';
import { consultationsModule } from './consultations/manifest.js';
import { pledgesModule } from './pledges/manifest.js';
import { plansModule } from './plans/manifest.js';
import { libraryModule } from './library/manifest.js';
import { newsModule } from './news/manifest.js';
import { reportsModule } from './reports/manifest.js';

// Order matters for seeds and demo data only: membership's demo organizations exist before bodies' demo
// memberships and the demo election. Reports come last: they read every other module's sections.
export const modules: ModuleManifest[] = [pagesModule, membershipModule, bodiesModule, practicesModule, electionsModule, eventsModule, consultationsModule, pledgesModule, plansModule, libraryModule, newsModule, reportsModule];
