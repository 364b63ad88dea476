import { runCli } from './run-cli.ts';

const code = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, now: () => new Date() });
process.exitCode = code;
// Output is written; a socket or timer some library left open must not keep the command from ending.
setTimeout(() => process.exit(code), 1_000).unref();
