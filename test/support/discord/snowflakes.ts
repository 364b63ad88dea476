const DISCORD_EPOCH = 1_420_070_400_000n;
const INCREMENT_SPACE = 1n << 22n;

/**
 * Mints ids shaped like Discord's (19 digits today): discord.js only treats 17–19 digit ids as
 * major parameters, so shorter ids would put every channel into one rate-limit bucket.
 */
export function createSnowflakes(now: () => number = Date.now): () => string {
  let increment = 0n;
  return () => {
    increment = (increment + 1n) % INCREMENT_SPACE;
    return (((BigInt(now()) - DISCORD_EPOCH) << 22n) | increment).toString();
  };
}

export function isSnowflake(id: string): boolean {
  return /^\d{17,19}$/.test(id);
}
