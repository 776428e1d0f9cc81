import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multipartBoundary, parseMultipart } from '../../src/local-discord/rest/multipart.ts';

/** Serializes a form the way discord.js does (undici's FormData), returning the body and its content type. */
async function serialize(form: FormData): Promise<{ body: Buffer; contentType: string }> {
  const request = new Request('http://local.invalid/', { method: 'POST', body: form });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}

describe('multipart bodies', () => {
  it('GIVEN payload_json and two files as discord.js sends them THEN each part comes back with its name, file name, type and exact bytes', async () => {
    const png = Buffer.from(Array.from({ length: 70_000 }, (_, index) => index % 256));
    const form = new FormData();
    form.append('payload_json', JSON.stringify({ content: 'héllo' }));
    form.append('files[0]', new Blob([png], { type: 'image/png' }), 'decision-path.png');
    form.append('files[1]', new Blob(['plain']), 'say "hi".txt');
    const { body, contentType } = await serialize(form);
    const parts = parseMultipart(body, multipartBoundary(contentType)!);
    expect(parts?.map((part) => [part.name, part.filename, part.contentType])).toEqual([
      ['payload_json', undefined, undefined],
      ['files[0]', 'decision-path.png', 'image/png'],
      ['files[1]', 'say "hi".txt', 'application/octet-stream'],
    ]);
    expect(JSON.parse(parts![0]!.data.toString('utf8'))).toEqual({ content: 'héllo' });
    expect(parts![1]!.data.equals(png)).toBe(true);
  });

  it('GIVEN any bytes in a file, boundary-like text included THEN they come back unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('', '\r\n--', '--\r\n\r\n'), async (bytes, noise) => {
        const data = Buffer.concat([Buffer.from(noise), Buffer.from(bytes), Buffer.from(noise)]);
        const form = new FormData();
        form.append('files[0]', new Blob([data]), 'f.bin');
        const { body, contentType } = await serialize(form);
        expect(parseMultipart(body, multipartBoundary(contentType)!)?.[0]?.data.equals(data)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('GIVEN a body cut short, without a boundary or without a part name THEN it is not parsed', async () => {
    const form = new FormData();
    form.append('payload_json', '{}');
    const { body, contentType } = await serialize(form);
    const boundary = multipartBoundary(contentType)!;
    expect(parseMultipart(body.subarray(0, body.length - 20), boundary)).toBeUndefined();
    expect(parseMultipart(Buffer.from('no parts here'), boundary)).toBeUndefined();
    expect(parseMultipart(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${boundary}--\r\n`), boundary)).toBeUndefined();
    expect(multipartBoundary('multipart/form-data')).toBeUndefined();
    expect(multipartBoundary('multipart/form-data; boundary="quoted b"')).toBe('quoted b');
  });

  it('GIVEN one picture that is most of the body THEN it is kept without a copy; GIVEN a small file beside it THEN that one is copied, so keeping it does not keep the body', async () => {
    const png = Buffer.alloc(40_000, 7);
    const form = new FormData();
    form.append('payload_json', JSON.stringify({ content: 'x' }));
    form.append('files[0]', new Blob([png], { type: 'image/png' }), 'big.png');
    form.append('files[1]', new Blob(['small']), 'small.txt');
    const { body, contentType } = await serialize(form);
    const parts = parseMultipart(body, multipartBoundary(contentType)!)!;
    expect(parts[1]!.data.equals(png)).toBe(true);
    expect(parts[1]!.data.buffer).toBe(body.buffer);
    expect(parts[2]!.data.toString()).toBe('small');
    expect(parts[2]!.data.buffer).not.toBe(body.buffer);
  });
});
