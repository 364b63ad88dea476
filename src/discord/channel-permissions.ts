import { OverwriteType, PermissionFlagsBits, type APIOverwrite } from 'discord.js';

const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, flag) => all | flag, 0n);

/** What decides a member's permissions in a channel, as Discord's REST API returns it. */
export interface PermissionSources {
  guildId: string;
  guildOwnerId: string;
  /** The guild's roles, @everyone (whose id is the guild's) among them. */
  roles: ReadonlyArray<{ id: string; permissions: string }>;
  member: { userId: string; roleIds: readonly string[] };
  /** The channel's overwrites; a thread has none of its own and goes by its parent's. */
  overwrites: readonly APIOverwrite[];
}

/**
 * A member's permissions in a channel, by the algorithm Discord documents in its Permissions topic
 * (compute_base_permissions, then compute_overwrites). discord.js computes this only from its gateway caches
 * (GuildChannel#permissionsFor needs a cached guild, roles and member), which a worker process that never
 * connects to the gateway does not have; so it is written out here over REST data.
 */
export function channelPermissions(sources: PermissionSources): bigint {
  const { guildId, member } = sources;
  if (member.userId === sources.guildOwnerId) return ALL_PERMISSIONS;
  const rolePermissions = new Map(sources.roles.map((role) => [role.id, BigInt(role.permissions)]));
  const base = [guildId, ...member.roleIds].reduce((permissions, roleId) => permissions | (rolePermissions.get(roleId) ?? 0n), 0n);
  if ((base & PermissionFlagsBits.Administrator) !== 0n) return ALL_PERMISSIONS;

  const overwrite = (type: OverwriteType, id: string): APIOverwrite | undefined => sources.overwrites.find((candidate) => candidate.type === type && candidate.id === id);
  const apply = (permissions: bigint, overwrites: ReadonlyArray<APIOverwrite | undefined>): bigint => {
    const allow = overwrites.reduce((bits, found) => bits | BigInt(found?.allow ?? 0), 0n);
    const deny = overwrites.reduce((bits, found) => bits | BigInt(found?.deny ?? 0), 0n);
    return (permissions & ~deny) | allow;
  };
  // Order matters: @everyone's overwrite, then all the member's roles' together, then the member's own.
  const afterEveryone = apply(base, [overwrite(OverwriteType.Role, guildId)]);
  const afterRoles = apply(afterEveryone, member.roleIds.map((roleId) => overwrite(OverwriteType.Role, roleId)));
  return apply(afterRoles, [overwrite(OverwriteType.Member, member.userId)]);
}
