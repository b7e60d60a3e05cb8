import { ConfigError } from '@tracker/runtime/app.config';
import { redactSecrets, redactUrl, resolveLogLevel } from './logger.options';

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
});
