import { describe, expect, it } from 'vitest';
import { readJson } from '@/server/api';
import { refusal } from './refusal';

/** A POST with these exact bytes, as a client on the wire would send them. */
const post = (body: Uint8Array | string, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/submissions', {
    method: 'POST',
    body: body as BodyInit,
    headers: { 'content-type': 'application/json', ...headers },
  });
const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

describe('readJson: what the database cannot store is refused at the edge with the reason', () => {
  it('parses a JSON body, UTF-8 of every width included', async () => {
    expect(await readJson(post('{"exercise":"x","answers":{"y":"0,5 − ü 😀"}}'))).toEqual({ exercise: 'x', answers: { y: '0,5 − ü 😀' } });
  });

  it('refuses bytes that are not UTF-8, naming the offset of the first bad one', async () => {
    const error = await refusal(readJson(post(bytes('{"exercise":"', [0xc3, 0x28], '"}'))));
    expect([error.status, error.code, error.message]).toEqual([
      400,
      'invalid-request',
      'The request body is not valid UTF-8 (first bad byte at offset 13); send JSON as UTF-8 text.',
    ]);
    expect((await refusal(readJson(post(bytes('{"a":"', [0xff], '"}'))))).message).toMatch(/offset 6\)/);
    expect((await refusal(readJson(post(bytes('{"a":"', [0xe2, 0x82], '"}'))))).message).toMatch(/offset 6\)/);
  });

  it('refuses NUL and lone surrogates in keys and values, with the JSON path', async () => {
    expect((await refusal(readJson(post('{"exercise":"a\\u0000b"}')))).message).toBe(
      'exercise: text may not contain the NUL character (\\u0000).',
    );
    expect((await refusal(readJson(post('{"answers":{"y":"\\ud800"}}')))).message).toBe(
      'answers.y: text holds a lone UTF-16 surrogate (an escape such as \\ud800 without its pair).',
    );
    expect((await refusal(readJson(post('{"answers":{"\\udc00":"1"}}')))).message).toMatch(
      /^answers\.a key: text holds a lone UTF-16 surrogate/,
    );
    expect((await refusal(readJson(post('{"list":["ok","\\u0000"]}')))).message).toMatch(/^list\[1\]: text may not contain the NUL/);
    // A surrogate pair written as escapes is one character, and fine.
    expect(await readJson(post('{"a":"\\ud83d\\ude00"}'))).toEqual({ a: '😀' });
  });

  it('refuses a __proto__ key anywhere (zod records would drop it silently)', async () => {
    expect((await refusal(readJson(post('{"exercise":"x","answers":{"__proto__":"1"}}')))).message).toBe(
      'answers.__proto__: a key named __proto__ is not accepted.',
    );
  });

  it('refuses bodies over 1 MB by their declared or their real size, empty bodies and malformed JSON', async () => {
    const big = `{"code":"${'x'.repeat(1024 * 1024)}"}`;
    const real = await refusal(readJson(post(big)));
    expect([real.status, real.code, real.message]).toEqual([
      413,
      'body-too-large',
      `The request body is ${big.length} bytes; the limit is 1 MB (1048576 bytes).`,
    ]);
    const declared = await refusal(readJson(post('{}', { 'content-length': String(50 * 1024 * 1024) })));
    expect([declared.status, declared.message]).toEqual([413, 'The request body is 52428800 bytes; the limit is 1 MB (1048576 bytes).']);
    expect((await refusal(readJson(post('  ')))).message).toBe('The request body is empty; send JSON.');
    expect((await refusal(readJson(post('{"a":')))).message).toMatch(/^The request body is not valid JSON \(/);
  });

  it('walks a body nested half a million deep without overflowing the stack', async () => {
    const depth = 500_000;
    const error = await refusal(readJson(post(`${'['.repeat(depth)}"\\u0000"${']'.repeat(depth)}`)));
    expect(error.message).toMatch(/text may not contain the NUL character/);
  });
});
