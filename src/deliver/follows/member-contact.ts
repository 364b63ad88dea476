/**
 * What delivering a member's follows needs from Discord besides posting: whether they are still in the
 * server, and the channel of their direct messages. Behind an interface so that the console answers too.
 */
export interface MemberContact {
  /** False once Discord says the user is not a member of the server (Unknown Member). */
  isMember(guildId: string, userId: string): Promise<boolean>;
  /** The direct-message channel with the user, opened if need be (opening it again returns the same one). */
  directChannel(userId: string): Promise<string>;
  /** The server's name, so that a direct message says where the news comes from. */
  guildName(guildId: string): Promise<string>;
}
