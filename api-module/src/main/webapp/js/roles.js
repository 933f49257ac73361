// How the server's role names read to people, and which roles administer the workspace.

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

/** Owners, Super Admins and Admins manage API keys; the server enforces the same rule on every call. */
export function isAdministrator(role) {
  return role === "workspace_owner" || role === "workspace_super_admin" || role === "workspace_admin";
}

/** Besides a key's creator, Owners and Super Admins may remove it. */
export function mayRemoveOthersKeys(role) {
  return role === "workspace_owner" || role === "workspace_super_admin";
}
