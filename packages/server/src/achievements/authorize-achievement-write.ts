/**
 * Who may write an achievement: the policy's `achievement.write` on its department, asked once
 * per department concerned (both, when an achievement moves). An organisation-wide achievement
 * (no department) is asked about under a stand-in department id that no membership lists, so
 * org admins and API keys with `achievements:write` may write it and `issuer` members (whose
 * rights are per department) may not; two-factor and scope rules apply as everywhere.
 */
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/open-database.js';
import { authorize } from '../policy/authorize.js';
import { loadPolicyActor } from '../policy/policy-actor.js';

/** Not a UUID, so never a real department's id. */
export const ORGANISATION_WIDE_DEPARTMENT = 'organisation-wide';

export const authorizeAchievementWrite = async (
  db: Database,
  actor: Actor,
  organisationId: string,
  departmentIds: readonly (string | null)[],
): Promise<void> => {
  const policyActor = await loadPolicyActor(db, actor);
  for (const departmentId of new Set(departmentIds)) {
    authorize(policyActor, 'achievement.write', {
      organisationId,
      departmentId: departmentId ?? ORGANISATION_WIDE_DEPARTMENT,
    });
  }
};
