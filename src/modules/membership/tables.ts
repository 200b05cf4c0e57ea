/** @module Membership's tables: organizations and the people who act for them. */
import type { ColumnType } from 'kysely';
import type { Flag } from '../../db/schema.js';

/** A column with a database default: optional on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

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
  /** Lower-case, accent-free name, acronym and city: what the directory's text filter searches. */
  search_text: Defaulted<string>;
  /** Normalized name (for catching a second application of the same organization). */
  name_key: Defaulted<string>;
  /** Website host without www (for catching duplicates). */
  website_key: Defaulted<string | null>;
  /** JSON list of working languages (ISO 639-1, e.g. ["es","pt"]). */
  languages: Defaulted<string>;
  /** JSON list of http(s) links to social profiles. */
  social_links: Defaulted<string>;
  /** Generated file name of the logo in DATA_DIR/uploads/logos. */
  logo_file: Defaulted<string | null>;
  /** When the applicant committed to the GCM's guiding principles and the Mechanism's terms. */
  commitment_at: Defaulted<string | null>;
  applied_at: Defaulted<string | null>;
  /** What the Technical Group asked for (while info_requested). */
  info_request: Defaulted<string | null>;
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

export interface OrganizationCountriesTable {
  org_id: string;
  country: string;
}
export interface OrganizationObjectivesTable {
  org_id: string;
  objective_n: number;
}
/** Contact people: private to the organization's people and administrators. */
export interface OrganizationContactsTable {
  id: string;
  org_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  role: string | null;
  created_at: string;
}
export interface MembershipInvitationsTable {
  id: string;
  org_id: string;
  /** SHA-256 of the token; the token itself is only in the link. */
  token_hash: string;
  email: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
}
/** A CSV upload waiting for confirmation (status 'preview') or done ('imported'). */
export interface MembershipImportsTable {
  id: string;
  created_by: string;
  created_at: string;
  file_name: string;
  status: 'preview' | 'imported';
  /** JSON list of parsed rows with their errors. */
  rows: string;
  valid_count: number;
  error_count: number;
  imported_count: Defaulted<number>;
  finished_at: string | null;
}

declare module '../../db/schema.js' {
  interface Database {
    organizations: OrganizationsTable;
    organization_people: OrganizationPeopleTable;
    organization_countries: OrganizationCountriesTable;
    organization_objectives: OrganizationObjectivesTable;
    organization_contacts: OrganizationContactsTable;
    membership_invitations: MembershipInvitationsTable;
    membership_imports: MembershipImportsTable;
  }
}
