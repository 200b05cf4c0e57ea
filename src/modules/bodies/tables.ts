/** @module Bodies' tables: the Mesas and their prioritized objectives. */
import type { Flag } from '../../db/schema.js';

export type BodyKind = 'working_group' | 'sub_group' | 'liaison' | 'technical';

export interface BodiesTable {
  id: string;
  slug: string;
  kind: BodyKind;
  parent_id: string | null;
  position: number;
  /** Translated JSON text: {"es": …, "en": …}. */
  name: string;
  short_name: string;
  mandate: string;
  /** Translated JSON list of achievements, per language: {"es": ["…"], …}. */
  achievements: string | null;
  active: Flag;
  created_at: string;
  updated_at: string;
}

export interface BodyObjectivesTable {
  body_id: string;
  objective_n: number;
}

declare module '../../db/schema.js' {
  interface Database {
    bodies: BodiesTable;
    body_objectives: BodyObjectivesTable;
  }
}
