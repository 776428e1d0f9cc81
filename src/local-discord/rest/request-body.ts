import type { IncomingMessage } from 'node:http';
import { ApiError, apiErrors } from '../errors.ts';
import { multipartBoundary, parseMultipart } from './multipart.ts';
import { readRequestBody } from '../../common/read-request-body.ts';

/** Discord's upload ceiling for bots without boosts, with room for the JSON around the files. */
const MAX_BODY_BYTES = 26 * 1024 * 1024;

export interface UploadedFile {
  /** The form field, e.g. `files[0]`. */
  readonly field: string;
  readonly filename: string;
  readonly contentType?: string;
  readonly data: Buffer;
}

export interface ParsedBody {
  /** The JSON body, or `payload_json` of a multipart body; undefined when there is none. */
  readonly json: unknown;
  readonly files: readonly UploadedFile[];
}

/** Reads and decodes a request body: JSON, or multipart with `payload_json` and `files[n]`. */
export async function readBody(request: IncomingMessage): Promise<ParsedBody> {
  return parseBody(await readRaw(request), request.headers['content-type'] ?? '');
}

/** Decodes a body already read: JSON, or multipart with `payload_json` and `files[n]`. */
export function parseBody(raw: Buffer, contentType: string): ParsedBody {
  if (raw.length === 0) return { json: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) return readMultipart(raw, contentType);
  return { json: parseJson(raw.toString('utf8')), files: [] };
}

async function readRaw(request: IncomingMessage): Promise<Buffer> {
  const read = await readRequestBody(request, MAX_BODY_BYTES);
  if (read.ok) return read.bytes;
  throw read.reason === 'too-large' ? apiErrors.tooLarge() : new Error('the request closed before its body ended');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw apiErrors.invalidJson();
  }
}

function readMultipart(raw: Buffer, contentType: string): ParsedBody {
  const boundary = multipartBoundary(contentType);
  const parts = boundary === undefined ? undefined : parseMultipart(raw, boundary);
  if (parts === undefined) throw new ApiError(400, 50035, 'Invalid Form Body', { _errors: [{ code: 'MULTIPART_INVALID', message: 'The multipart body could not be parsed.' }] });
  let json: unknown;
  const files: UploadedFile[] = [];
  for (const part of parts) {
    if (part.filename !== undefined) files.push({ field: part.name, filename: part.filename, ...(part.contentType === undefined || part.contentType === '' ? {} : { contentType: part.contentType }), data: part.data });
    else if (part.name === 'payload_json') json = parseJson(part.data.toString('utf8'));
  }
  return { json, files };
}
