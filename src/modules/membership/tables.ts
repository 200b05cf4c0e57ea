/** @module Membership's tables: organizations and the people who act for them. */
import type { Flag } from '../../db/schema.js';

/** applicant → (info_requested ↔ applicant) → member → suspended | withdrawn → member; or declined. */
export type OrgStatus = 'applicant' | 'info_requested' | 'member' | 'suspended' | 'withdrawn' | 'declined';

export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  /** ISO alpha-2 country of registration. */
  country: string;
  city: string | null;
  /** ngo | network | migrant_led | faith_based | academic | trade_union | women | youth | indigenous_afro | lgbtiq | humanitarian | other */
  type: string;
  website: string | null;
  /** Translated JSON text. */
  description: string | null;
  status: OrgStatus;
  status_reason: string | null;
  status_changed_at: string;
  /** JSON list of field names the organization made public. */
  public_fields: string;
  created_at: string;
  updated_at: string;
  admitted_at: string | null;
}

export interface OrganizationPeopleTable {
  org_id: string;
  user_id: string;
  /** The person's role in their organization, as they describe it. */
  role_title: string | null;
  /** Names this person as a representative of the organization in the Mechanism. */
  is_representative: Flag;
  /** The one person who casts the organization's vote (at most one per organization). */
  is_voter: Flag;
  created_at: string;
}

declare module '../../db/schema.js' {
  interface Database {
    organizations: OrganizationsTable;
    organization_people: OrganizationPeopleTable;
  }
}
