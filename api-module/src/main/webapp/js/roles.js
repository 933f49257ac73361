// How the server's role names read to people, and what the signed-in person may do, as the server says.
// No role rule lives here: whoami's `permissions` is the server's own answer, derived from its authorization table.

const LABELS = {
  workspace_owner: "Owner",
  workspace_super_admin: "Super Admin",
  workspace_admin: "Admin",
  workspace_user: "User",
};

/** "Super Admin" for "workspace_super_admin". */
export function roleLabel(role) {
  return LABELS[role] ?? role;
}

/** Whether whoami granted `permission` (such as "list_api_keys"); the server still checks every call. */
export function may(me, permission) {
  return (me.permissions ?? []).includes(permission);
}
