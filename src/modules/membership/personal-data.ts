/** @module Membership and a person's own data: the organizations they act for (copy), and leaving them when the account is deleted. */
import type { Db } from '../../db/schema.js';

export async function membershipPersonalData(db: Db, userId: string) {
  return {
    organizations: await db
      .selectFrom('organization_people')
      .innerJoin('organizations', 'organizations.id', 'organization_people.org_id')
      .select(['organizations.name', 'organization_people.role_title', 'organization_people.is_representative', 'organization_people.is_voter', 'organization_people.created_at'])
      .where('organization_people.user_id', '=', userId)
      .execute(),
  };
}

/** The person no longer acts for any organization (an organization whose voter this was designates another). */
export async function membershipForgetPerson(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('organization_people').where('user_id', '=', userId).execute();
}
