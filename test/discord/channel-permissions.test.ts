import { OverwriteType, PermissionFlagsBits, type APIOverwrite } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { channelPermissions, type PermissionSources } from '../../src/discord/channel-permissions.ts';

const GUILD = '1200000000000000001';
const OWNER = '1400000000000000001';
const BOT = '1100000000000000001';
const EDITORS = '1500000000000000001';
const BOTS = '1500000000000000002';
const { ViewChannel, SendMessages, EmbedLinks, Administrator, ManageGuild } = PermissionFlagsBits;
const POSTING = ViewChannel | SendMessages | EmbedLinks;

function sources(change: { everyone?: bigint; roles?: Array<[string, bigint]>; memberRoles?: string[]; overwrites?: APIOverwrite[]; userId?: string }): PermissionSources {
  return {
    guildId: GUILD,
    guildOwnerId: OWNER,
    roles: [[GUILD, change.everyone ?? POSTING] as [string, bigint], ...(change.roles ?? [])].map(([id, permissions]) => ({ id, permissions: String(permissions) })),
    member: { userId: change.userId ?? BOT, roleIds: change.memberRoles ?? [] },
    overwrites: change.overwrites ?? [],
  };
}

const role = (id: string, allow: bigint, deny: bigint): APIOverwrite => ({ id, type: OverwriteType.Role, allow: String(allow), deny: String(deny) });
const member = (id: string, allow: bigint, deny: bigint): APIOverwrite => ({ id, type: OverwriteType.Member, allow: String(allow), deny: String(deny) });

describe('channelPermissions', () => {
  it("is @everyone's permissions in a channel without overwrites", () => {
    expect(channelPermissions(sources({ everyone: ViewChannel }))).toBe(ViewChannel);
  });

  it("adds the member's roles to @everyone's", () => {
    expect(channelPermissions(sources({ everyone: ViewChannel, roles: [[BOTS, SendMessages]], memberRoles: [BOTS] }))).toBe(ViewChannel | SendMessages);
  });

  it('ignores roles the member does not have', () => {
    expect(channelPermissions(sources({ everyone: ViewChannel, roles: [[EDITORS, ManageGuild]] }))).toBe(ViewChannel);
  });

  it('gives the guild owner every permission, whatever the overwrites deny', () => {
    const permissions = channelPermissions(sources({ everyone: 0n, userId: OWNER, overwrites: [member(OWNER, 0n, ViewChannel)] }));
    expect(permissions & POSTING).toBe(POSTING);
  });

  it('gives an administrator every permission, whatever the overwrites deny', () => {
    const permissions = channelPermissions(sources({ roles: [[BOTS, Administrator]], memberRoles: [BOTS], overwrites: [role(GUILD, 0n, POSTING), member(BOT, 0n, POSTING)] }));
    expect(permissions & POSTING).toBe(POSTING);
  });

  it("applies @everyone's overwrite to everyone", () => {
    expect(channelPermissions(sources({ overwrites: [role(GUILD, 0n, SendMessages)] }))).toBe(ViewChannel | EmbedLinks);
  });

  it("lets a role's overwrite allow what @everyone's denies", () => {
    expect(channelPermissions(sources({ memberRoles: [BOTS], roles: [[BOTS, 0n]], overwrites: [role(GUILD, 0n, SendMessages), role(BOTS, SendMessages, 0n)] }))).toBe(POSTING);
  });

  it("lets one role's allow win over another role's deny", () => {
    const overwrites = [role(EDITORS, 0n, EmbedLinks), role(BOTS, EmbedLinks, 0n)];
    expect(channelPermissions(sources({ memberRoles: [EDITORS, BOTS], roles: [[EDITORS, 0n], [BOTS, 0n]], overwrites }))).toBe(POSTING);
  });

  it("lets the member's own overwrite decide over its roles'", () => {
    const overwrites = [role(BOTS, SendMessages, 0n), member(BOT, 0n, SendMessages)];
    expect(channelPermissions(sources({ memberRoles: [BOTS], roles: [[BOTS, 0n]], overwrites }))).toBe(ViewChannel | EmbedLinks);
  });

  it("takes overwrites by their type as well as their id, and only the member's own", () => {
    const overwrites = [member(GUILD, 0n, SendMessages), member('1400000000000000009', 0n, SendMessages), role(BOT, 0n, SendMessages)];
    expect(channelPermissions(sources({ overwrites }))).toBe(POSTING);
  });
});
