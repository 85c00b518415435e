/**
 * Who may write an achievement: the policy's `achievement.write` on its department, asked once
 * per department concerned (both, when an achievement moves). An organisation-wide achievement
 * (no department) is asked about with `departmentId: null`: org admins and API keys with
 * `achievements:write` may write it, `issuer` members (whose rights are per department) may not;
 * two-factor and scope rules apply as everywhere.
 */
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/open-database.js';
import { authorize } from '../policy/authorize.js';
import { loadPolicyActor } from '../policy/policy-actor.js';

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
      departmentId,
    });
  }
};
