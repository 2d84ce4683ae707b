/**
 * Officials' roles, with no imports at run time, so the console shares the rule with the API
 * without bundling zod.
 */
export const ROLES = ['owner', 'editor', 'moderator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 1, moderator: 2, editor: 3, owner: 4 };

/** Whether a token with role `held` may do what needs `needed`. */
export function roleAllows(held: Role, needed: Role): boolean {
  return RANK[held] >= RANK[needed];
}
