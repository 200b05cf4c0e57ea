/**
 * Module boundaries, checked by dependency-cruiser in `npm test` (scripts/test.sh, "== Boundaries"):
 * the platform imports no module, a module imports another module only through its index.ts, and no
 * run-time import cycles. Tests are held to the same lines, with two allowances written as rules below.
 * Run it: `npm run boundaries`. No violation exists today (checked when this landed: no cycle between
 * modules, e.g. membership and bodies; only type-only cycles inside the platform, see no-circular). Should
 * one ever have to be accepted for a while, record it as a known violation (`npx depcruise src --config
 * .dependency-cruiser.cjs --output-type baseline > .dependency-cruiser-known-violations.json`, then run
 * with `--ignore-known`) with a comment on why and when it goes.
 */
const TEST = '\\.test\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-imports-no-module',
      comment: 'src/platform is what modules build on: it never imports a module (modules register through their manifest).',
      severity: 'error',
      from: { path: '^src/platform/', pathNot: TEST },
      to: { path: '^src/modules/' },
    },
    {
      name: 'modules-meet-through-index',
      comment:
        "A module uses another only through that module's index.ts (bodies asks membership designatedVoter(), never its files), " +
        "or links to its pages through its paths.ts (URL declarations only: see paths-are-leaves).",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: TEST },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/(index|paths)\\.tsx?$'] },
    },
    {
      name: 'paths-are-leaves',
      comment:
        "A module's paths.ts declares URLs and imports only the platform's route() and other modules' paths.ts, so any " +
        'module can link to any other (bodies to an election, elections to a Mesa) without an import cycle.',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/paths\\.ts$' },
      to: { path: '^src/', pathNot: ['^src/platform/(http/paths|paths)\\.ts$', '^src/modules/[^/]+/paths\\.ts$'] },
    },
    {
      name: 'tests-meet-through-index-or-factories',
      comment: "A module's tests may also build another module's data with its factories.ts, and nothing else of it.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/.+\\.test\\.tsx?$' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/(index|factories)\\.tsx?$'] },
    },
    {
      name: 'platform-tests-see-modules-as-a-whole',
      comment: "Platform tests may check every module through the list in src/modules/index.ts (e.g. every module's messages), not reach into one.",
      severity: 'error',
      from: { path: '^src/platform/.+\\.test\\.tsx?$' },
      to: { path: '^src/modules/', pathNot: '^src/modules/index\\.ts$' },
    },
    {
      name: 'no-circular',
      comment:
        'No import cycles at run time: layers and modules depend one way. Cycles made only of `import type` ' +
        '(env.ts ↔ module.ts: the request environment names the manifest type and the manifest names the ' +
        'environment) vanish when compiled and are allowed.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    // Type-only imports count: a boundary is crossed by a type as much as by a value.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
