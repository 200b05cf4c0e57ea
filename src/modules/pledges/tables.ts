/** @module Pledges' tables: GCM pledges, their pledging organizations, classifications, status updates and links. */
import type { Flag } from '../../db/schema.js';

/** The initiative's three kinds of pledge. */
export const pledgeKinds = ['common', 'partnership', 'matching'] as const;
export type PledgeKind = (typeof pledgeKinds)[number];
/** Where it acts. */
export const pledgeScopes = ['local', 'national', 'regional'] as const;
export type PledgeScope = (typeof pledgeScopes)[number];
/** The initiative's four forms of pledge (one or more). */
export const pledgeForms = ['financial', 'human_resources', 'process', 'policy'] as const;
export type PledgeForm = (typeof pledgeForms)[number];
/** The Mechanism's workflow: draft → submitted (to the Mesa Técnica) → published, or returned with a comment; withdrawn. */
export const pledgeStates = ['draft', 'submitted', 'returned', 'published', 'withdrawn'] as const;
export type PledgeState = (typeof pledgeStates)[number];
/** How far the pledge has come (set when published, then by each status update). */
export const pledgeStatuses = ['planning', 'in_progress', 'fulfilled', 'discontinued'] as const;
export type PledgeStatus = (typeof pledgeStatuses)[number];
/** Partners' sectors. */
export const partnerSectors = ['government', 'un', 'academia', 'private', 'civil', 'other'] as const;
export type PartnerSector = (typeof partnerSectors)[number];
export interface Partner {
  name: string;
  sector: PartnerSector;
}

export interface PledgesTable {
  id: string;
  /** Public number, "PL-0001". */
  ref: string;
  /** Translated JSON text ({"es": …, "en": …}). */
  title: string;
  description: string;
  kind: PledgeKind;
  /** A matching pledge names the pledge it matches: one of ours, or an external one by its UN id and title. */
  matches_pledge_id: string | null;
  matches_external_id: string | null;
  matches_external_title: string | null;
  scope: PledgeScope;
  /** JSON list of Partner. */
  partners: string;
  /** ISO dates. */
  starts_on: string | null;
  ends_on: string | null;
  /** The body it comes from, if any. */
  body_id: string | null;
  /** One attachment: the stored file's name under the data directory, its original name, type and size. */
  attachment_file: string | null;
  attachment_name: string | null;
  attachment_type: string | null;
  attachment_size: number | null;
  /** The UN initiative's id once submitted there. */
  un_id: string | null;
  state: PledgeState;
  status: PledgeStatus | null;
  /** The Mesa Técnica's comment when it returned the pledge. */
  review_note: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  published_at: string | null;
  /** ISO date the next progress update is due (published pledges; every 6 months). */
  next_update_due: string | null;
  /** The due date the last reminder was sent for (the reminder goes once per due date). */
  reminded_for: string | null;
  is_demo: Flag;
}

export interface PledgeOrganizationsTable {
  pledge_id: string;
  org_id: string;
  /** 1: the organization that wrote it. */
  lead: Flag;
  /** When (and who of) the organization confirmed it takes part; the lead is confirmed when it submits. */
  confirmed_at: string | null;
  confirmed_by: string | null;
}

export interface PledgeObjectivesTable {
  pledge_id: string;
  /** GCM objective 1–23. */
  n: number;
}
export interface PledgePrinciplesTable {
  pledge_id: string;
  /** GCM guiding principle 1–10. */
  n: number;
}
export interface PledgeFormsTable {
  pledge_id: string;
  form: PledgeForm;
}
export interface PledgeCountriesTable {
  pledge_id: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface PledgeUpdatesTable {
  id: string;
  pledge_id: string;
  status: PledgeStatus;
  /** Translated JSON text: the progress note. */
  note: string;
  /** ISO date the progress is reported for. */
  reported_on: string;
  created_by: string;
  created_at: string;
}

export interface PledgeLinksTable {
  pledge_id: string;
  /** A LinkTarget type ('plans.activity', 'consultations.result', …). */
  type: string;
  target_id: string;
}

/** Key/value: 'catalog_version' changes whenever the published pledges change (the in-memory catalog rebuilds). */
export interface PledgeMetaTable {
  key: string;
  value: string;
}

declare module '../../db/schema.js' {
  interface Database {
    pledges: PledgesTable;
    pledge_organizations: PledgeOrganizationsTable;
    pledge_objectives: PledgeObjectivesTable;
    pledge_principles: PledgePrinciplesTable;
    pledge_forms: PledgeFormsTable;
    pledge_countries: PledgeCountriesTable;
    pledge_updates: PledgeUpdatesTable;
    pledge_links: PledgeLinksTable;
    pledge_meta: PledgeMetaTable;
  }
}
