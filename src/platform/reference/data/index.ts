/**
 * @module Reference and seed data
 * The GCM's objectives and guiding principles, ISO countries (with the 33 LAC States), and the
 * Mechanism's structure and 2023 plan, each text in es/en/pt/fr. Sources are given in each file.
 */
export { LOCALES, type Locale, type Localized } from './locale.js';
export { OBJECTIVES, objectiveByNumber, type Objective } from './objectives.js';
export { PRINCIPLES, type Principle } from './principles.js';
export { COUNTRIES, type Country } from './countries.js';
export {
  MECHANISM,
  BODIES,
  BODY_KIND_LABELS,
  BODY_ROLES,
  STRATEGIC_AXES_2023,
  EXPECTED_RESULTS_2023,
  type Mechanism,
  type Body,
  type BodyKind,
  type StrategicAxis,
  type ExpectedResultGroup,
} from './mechanism.js';
