import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input-error.ts';
import { readOpsEnv } from '../../src/ops/ops-config.ts';

describe('readOpsEnv', () => {
  it('serves nothing when HERALD_HTTP_PORT is absent or blank', () => {
    expect(readOpsEnv({})).toBeUndefined();
    expect(readOpsEnv({ HERALD_HTTP_PORT: '  ' })).toBeUndefined();
  });

  it('listens on this machine only unless told otherwise', () => {
    expect(readOpsEnv({ HERALD_HTTP_PORT: ' 9464 ' })).toEqual({ port: 9464, host: '127.0.0.1' });
  });

  it('listens on another address when HERALD_HTTP_HOST names one', () => {
    expect(readOpsEnv({ HERALD_HTTP_PORT: '9464', HERALD_HTTP_HOST: '0.0.0.0' })).toEqual({ port: 9464, host: '0.0.0.0' });
    expect(readOpsEnv({ HERALD_HTTP_PORT: '9464', HERALD_HTTP_HOST: '::1' })).toEqual({ port: 9464, host: '::1' });
  });

  it('takes port 0, which lets the system pick a free port', () => {
    expect(readOpsEnv({ HERALD_HTTP_PORT: '0' })).toEqual({ port: 0, host: '127.0.0.1' });
  });

  it('refuses a port that is not a whole number from 0 to 65535, naming the variable in one line', () => {
    for (const port of ['65536', '-1', '80.5', 'http', '1e3']) {
      const read = () => readOpsEnv({ HERALD_HTTP_PORT: port });
      expect(read, port).toThrow(InputError);
      expect(read, port).toThrow(/^environment: HERALD_HTTP_PORT must be a port number from 0 to 65535$/);
    }
  });

  it('refuses a host that is not an IP address, since a name could resolve to a public one', () => {
    expect(() => readOpsEnv({ HERALD_HTTP_PORT: '9464', HERALD_HTTP_HOST: 'metrics.example.com' })).toThrow(/^environment: HERALD_HTTP_HOST must be an IP address/);
  });

  it('refuses a host without a port rather than serve nothing where an operator expects a server', () => {
    expect(() => readOpsEnv({ HERALD_HTTP_HOST: '0.0.0.0' })).toThrow('environment: HERALD_HTTP_HOST is set but HERALD_HTTP_PORT is not; set the port to serve /healthz and /metrics');
  });

  it('lists every mistake on one line', () => {
    expect(() => readOpsEnv({ HERALD_HTTP_PORT: 'x', HERALD_HTTP_HOST: 'localhost' })).toThrow(/^environment: HERALD_HTTP_PORT must be .*; HERALD_HTTP_HOST must be an IP address[^\n]*$/);
  });
});
