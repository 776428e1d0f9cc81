/** One part of a multipart/form-data body. */
export interface MultipartPart {
  readonly name: string;
  /** Present for file parts. */
  readonly filename?: string;
  readonly contentType?: string;
  /** A form field's bytes are a view of the body, to be read at once; a file's are its own unless it is most of the body. */
  readonly data: Buffer;
}

const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');

/** The boundary named in a multipart/form-data content type, or undefined. */
export function multipartBoundary(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/**
 * Splits a multipart/form-data body into its parts with Buffer searches, without copying the
 * body byte by byte (a general form parser spends milliseconds on each picture upload).
 * Returns undefined when the body is not well-formed multipart.
 *
 * @example parseMultipart(body, 'X-BOUNDARY')?.find((part) => part.name === 'payload_json')
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] | undefined {
  const delimiter = Buffer.from(`--${boundary}`);
  const nextDelimiter = Buffer.from(`\r\n--${boundary}`);
  let at = body.indexOf(delimiter);
  if (at < 0) return undefined;
  at += delimiter.length;
  const parts: MultipartPart[] = [];
  for (;;) {
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return parts; // "--": the closing delimiter
    if (!body.subarray(at, at + 2).equals(CRLF)) return undefined;
    const headersStart = at + 2;
    const headersEnd = body.indexOf(HEADERS_END, headersStart);
    if (headersEnd < 0) return undefined;
    const headers = partHeaders(body.subarray(headersStart, headersEnd).toString('utf8'));
    if (headers === undefined) return undefined;
    const dataStart = headersEnd + HEADERS_END.length;
    const dataEnd = body.indexOf(nextDelimiter, dataStart);
    if (dataEnd < 0) return undefined;
    // payload_json is parsed as soon as the body is: copying it would only be thrown away.
    parts.push({ ...headers, data: headers.filename === undefined ? body.subarray(dataStart, dataEnd) : ownBytes(body, dataStart, dataEnd) });
    at = dataEnd + nextDelimiter.length;
  }
}

/**
 * A stored file may keep the request body alive when it is most of it (one picture and its JSON:
 * copying would only allocate the picture's size again); a small part among big ones gets a copy.
 */
function ownBytes(body: Buffer, start: number, end: number): Buffer {
  const view = body.subarray(start, end);
  return view.length * 2 >= body.length ? view : Buffer.from(view);
}

function partHeaders(text: string): Omit<MultipartPart, 'data'> | undefined {
  let name: string | undefined;
  let filename: string | undefined;
  let contentType: string | undefined;
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return undefined;
    const header = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (header === 'content-type') contentType = value;
    if (header !== 'content-disposition') continue;
    name = quotedParameter(value, 'name');
    filename = quotedParameter(value, 'filename');
  }
  if (name === undefined) return undefined;
  return { name, ...(filename === undefined ? {} : { filename }), ...(contentType === undefined ? {} : { contentType }) };
}

// Browsers and undici escape a quote, CR and LF inside names as %22, %0D and %0A.
function quotedParameter(disposition: string, parameter: string): string | undefined {
  const match = new RegExp(`;\\s*${parameter}="([^"]*)"`, 'i').exec(disposition);
  return match?.[1]?.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
}
