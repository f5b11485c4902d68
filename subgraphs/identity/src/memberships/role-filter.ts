import { enumFilter, Role } from '@atelier/kit';

/** `RoleFilter`, declared once for every list filtered by role (memberships, invitations). */
export const RoleFilter = enumFilter(Role, 'Role');
