// What a user may be. One list for the user model (`enum`), the tokens (a token whose role is not
// on it is refused) and the routes that require a role, so a typo is a type error, not a role no
// check knows.
export const ROLES = ['user', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
