import { ConfigError } from '@tracker/runtime/app.config';
import { accessLevel, redactSecrets, redactUrl, resolveLogLevel } from './logger.options';

describe('log redaction and level', () => {
  it('replaces secret-named fields at any depth of plain objects and arrays', () => {
    const logged = redactSecrets({
      user: 'ana',
      password: 'hunter2',
      nested: { refreshToken: 't', items: [{ apiKey: 'k', keep: 1 }] },
      headers: { authorization: 'Bearer x', 'x-api-key': 'y', accept: 'json' },
    });
    expect(logged).toEqual({
      user: 'ana',
      password: '[Redacted]',
      nested: { refreshToken: '[Redacted]', items: [{ apiKey: '[Redacted]', keep: 1 }] },
      headers: { authorization: '[Redacted]', 'x-api-key': '[Redacted]', accept: 'json' },
    });
  });

  it('leaves class instances (errors, requests) to their own serializers', () => {
    const error = Object.assign(new Error('boom'), { token: 't' });
    expect(redactSecrets({ err: error }).err).toBe(error);
  });

  it('redacts secret-named query parameters in URLs and keeps the others', () => {
    expect(redactUrl('/v1/feed?access_token=abc&limit=5&Password=x')).toBe(
      '/v1/feed?access_token=[Redacted]&limit=5&Password=[Redacted]',
    );
  });

  it('defaults to info and rejects an unknown level as a configuration error', () => {
    expect(resolveLogLevel(undefined)).toBe('info');
    expect(resolveLogLevel('silent')).toBe('silent');
    expect(() => resolveLogLevel('verbose')).toThrow(ConfigError);
  });

  it('logs 5xx at error, 4xx at warn, probes and scrapes at debug, everything else at info', () => {
    expect(accessLevel('/v1/statements', 201)).toBe('info');
    expect(accessLevel('/v1/statements', 404)).toBe('warn');
    expect(accessLevel('/v1/statements', 500)).toBe('error');
    expect(accessLevel('/health/ready', 200)).toBe('debug');
    expect(accessLevel('/metrics', 200)).toBe('debug');
    expect(accessLevel('/health/ready', 503)).toBe('error');
    expect(accessLevel('/healthy-looking/path', 200)).toBe('info');
  });
});
