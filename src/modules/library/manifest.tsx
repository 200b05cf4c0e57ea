/** @module Library module: the Mechanism's documents — one entry per document, one file per language, searched in their text. */
import { defineModule } from '../../platform/module.js';
import * as create from './migrations/2026_12_02_1600_library_create.js';
import { libraryRoutes, CREATE_LIMIT, FILE_LIMIT } from './routes.js';
import { libraryApi } from './api.js';
import { libraryAudit } from './audit.js';
import { extractJob } from './commands/extract.js';
import { seedLibrary, demoLibrary } from './seed.js';
import { bodySection, objectiveSection, documentLinkTarget, addedUpdates } from './sections.js';
import { paths } from './paths.js';
import { engine as searchEngine } from './search.js';
import es from './messages/es.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };

export const libraryModule = defineModule({
  name: 'library',
  migrations: { '2026_12_02_1600_library_create': create },
  messages: { es, en, pt, fr },
  routes: libraryRoutes,
  api: libraryApi,
  seed: seedLibrary,
  demo: demoLibrary,
  uploadLimits: [
    { path: paths.create.pattern, maxBytes: CREATE_LIMIT },
    { path: paths.files.pattern, maxBytes: FILE_LIMIT },
  ],
  nav: [{ path: paths.list.pattern, label: 'library.nav', area: 'main', order: 35 }],
  audit: libraryAudit,
  jobs: [extractJob],
  bodySections: bodySection,
  objectiveSections: objectiveSection,
  linkTargets: [documentLinkTarget],
  updates: [addedUpdates],
  warm: ({ db, log }) => searchEngine.keepWarm(db, (err) => log.warn({ err }, 'library: the search warm-up stopped; words are asked as readers search')),
  // The documents and files a person added (their name stays in the history, under an anonymous name once deleted).
  personalData: async (db, userId) => ({
    documentsAdded: await db.selectFrom('library_documents').select(['id', 'title', 'created_at']).where('created_by', '=', userId).orderBy('created_at').execute(),
    filesUploaded: await db.selectFrom('library_files').select(['document_id', 'lang', 'file_name', 'created_at']).where('uploaded_by', '=', userId).orderBy('created_at').execute(),
  }),
  forgetPerson: async (db, userId) => {
    await db.updateTable('library_documents').set({ created_by: null }).where('created_by', '=', userId).execute();
    await db.updateTable('library_files').set({ uploaded_by: null }).where('uploaded_by', '=', userId).execute();
  },
});
