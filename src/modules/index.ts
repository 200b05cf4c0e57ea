/**
 * @module Modules
 * Every capability, in order. Adding one means adding its folder and one line here.
 */
import type { ModuleManifest } from '../platform/module.js';
import { pagesModule } from './pages/manifest.js';
import { bodiesModule } from './bodies/manifest.js';
import { membershipModule } from './membership/manifest.js';
import { practicesModule } from './practices/manifest.js';
import { electionsModule } from './elections/manifest.js';
import { consultationsModule } from './consultations/manifest.js';
import { eventsModule } from './events/manifest.js';
import { newsModule } from './news/manifest.js';
import { libraryModule } from './library/manifest.js';

// Order matters for seeds and demo data only: membership's demo organizations exist before bodies' demo
// memberships and the demo election.
export const modules: ModuleManifest[] = [pagesModule, membershipModule, bodiesModule, practicesModule, electionsModule, eventsModule, consultationsModule, newsModule, libraryModule];
