import Fastify from 'fastify';
import { JsonText, useJsonText } from './json-reply';

describe('JsonText', () => {
  it('is sent as its text, with the JSON content type, and serialises like its value elsewhere', async () => {
    const value = { days: [{ date: '2024-04-11', added: 1 }], note: 'ü' };
    const body = new JsonText(value);
    const fastify = Fastify();
    useJsonText(fastify);
    fastify.get('/text', async () => body);
    fastify.get('/plain', async () => value);
    const [text, plain] = await Promise.all([fastify.inject('/text'), fastify.inject('/plain')]);
    expect(text.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(text.body).toBe(plain.body);
    expect(JSON.parse(text.body)).toEqual(value);
    expect(JSON.stringify({ wrapped: body })).toBe(JSON.stringify({ wrapped: value }));
    await fastify.close();
  });
});
