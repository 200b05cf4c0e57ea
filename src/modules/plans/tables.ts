/** @module Plans' tables: a plan for a period (the Mechanism's or a body's) → strategic axes → expected results → activities and indicators. */

export const PLAN_STATUSES = ['draft', 'approved', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const ACTIVITY_STATUSES = ['planned', 'in_progress', 'done', 'postponed', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
/** number and percent are numeric (values must be numbers); text is described, not counted. */
export const UNITS = ['number', 'percent', 'text'] as const;
export type Unit = (typeof UNITS)[number];
export const DIRECTIONS = ['rise', 'fall'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface PlansTable {
  id: string;
  /** null: the Mechanism's plan; otherwise the body whose plan it is. */
  body_id: string | null;
  /** Translated JSON text. */
  title: string;
  /** ISO dates, both inclusive. */
  starts_on: string;
  ends_on: string;
  status: PlanStatus;
  /** Share (0–100) of a result's progress that comes from its activities; the rest from its indicators. */
  activity_share: number;
  approved_at: string | null;
  approved_by: string | null;
  closed_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlanAxesTable {
  id: string;
  plan_id: string;
  /** The code people use for it in the spreadsheet ("1"); unique in the plan among all items. */
  code: string;
  position: number;
  title: string;
  weight: number;
}

export interface PlanResultsTable {
  id: string;
  plan_id: string;
  axis_id: string;
  code: string;
  position: number;
  title: string;
  weight: number;
}

export interface PlanActivitiesTable {
  id: string;
  plan_id: string;
  result_id: string;
  code: string;
  position: number;
  title: string;
  /** The responsible body (null: the Mechanism as a whole). */
  body_id: string | null;
  /** Who carries it out (free text). */
  people: string | null;
  /** ISO dates inside the plan's period. */
  starts_on: string | null;
  ends_on: string | null;
  status: ActivityStatus;
  /** JSON array of GCM objective numbers. */
  objectives: string;
  weight: number;
}

/** What shows an activity happened: a thing of another module, by its link type ('events.event') and id. */
export interface PlanActivityLinksTable {
  activity_id: string;
  type: string;
  target_id: string;
}

export interface PlanIndicatorsTable {
  id: string;
  plan_id: string;
  result_id: string;
  code: string;
  position: number;
  name: string;
  unit: Unit;
  /** Numbers as text (numeric units) or words (text). */
  baseline: string | null;
  target: string | null;
  direction: Direction;
  weight: number;
}

export interface PlanIndicatorValuesTable {
  id: string;
  indicator_id: string;
  /** The period the value is for, as people name it ("2023-S1"). */
  period: string;
  value: string;
  /** ISO date it was measured. */
  measured_on: string;
  /** The means of verification. */
  source: string | null;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

declare module '../../db/schema.js' {
  interface Database {
    plans: PlansTable;
    plan_axes: PlanAxesTable;
    plan_results: PlanResultsTable;
    plan_activities: PlanActivitiesTable;
    plan_activity_links: PlanActivityLinksTable;
    plan_indicators: PlanIndicatorsTable;
    plan_indicator_values: PlanIndicatorValuesTable;
  }
}
