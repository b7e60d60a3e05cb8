import type { Role } from './api-keys';

/** What a route needs: nothing (health, metrics, docs), or reading, writing, auditing, administering. */
export type Permission = 'public' | 'read' | 'write' | 'audit' | 'admin';

const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  viewer: ['read'],
  analyst: ['read', 'write'],
  auditor: ['read', 'audit'],
  admin: ['read', 'write', 'audit', 'admin'],
};

/** The permission a request needs, decided in one place from its method and path. */
export function permissionFor(method: string, path: string): Permission {
  if (path === '/health' || path.startsWith('/health/') || path === '/metrics' || path.startsWith('/docs'))
    return 'public';
  // The dashboard page and its scripts hold no data; the data it fetches needs `read` as usual.
  if ((path === '/' || path.startsWith('/dashboard/')) && (method === 'GET' || method === 'HEAD')) return 'public';
  if (path.startsWith('/v1/admin/')) return 'admin';
  if (path.startsWith('/v1/audit/')) return 'audit';
  return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
}

/** Whether `role` holds `permission`. */
export const allows = (role: Role, permission: Permission) =>
  permission === 'public' || GRANTS[role].includes(permission);
