/** The most a request body may hold: Next's default serverActions.bodySizeLimit, and the API's limit too. */
const MAX_BODY_BYTES = 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type BodyText =
  | { ok: true; text: string; bytes: Uint8Array<ArrayBuffer> }
  | { ok: false; problem: 'too large'; bytes: number }
  | { ok: false; problem: 'not UTF-8'; offset: number };

/**
 * A request's body as text, read only when its declared size is within the limit, and decoded strictly: a lenient
 * decoder turns bad bytes into U+FFFD, which would be stored as something the user never sent. Shared by the API's
 * JSON bodies and the proxy's checks of server action calls.
 */
export async function readBodyText(request: Request): Promise<BodyText> {
  return bodyText(Number(request.headers.get('content-length') ?? 0), async () => new Uint8Array(await request.arrayBuffer()));
}

/** The same for a body read some other way: its declared length (Content-Length), and how to read it whole. */
export async function bodyText(declared: number, read: () => Promise<Uint8Array<ArrayBuffer>>): Promise<BodyText> {
  if (declared > MAX_BODY_BYTES) return { ok: false, problem: 'too large', bytes: declared };
  const bytes = await read();
  if (bytes.byteLength > MAX_BODY_BYTES) return { ok: false, problem: 'too large', bytes: bytes.byteLength };
  try {
    return { ok: true, text: utf8.decode(bytes), bytes };
  } catch {
    return { ok: false, problem: 'not UTF-8', offset: firstInvalidUtf8Offset(bytes) };
  }
}

export function tooLargeMessage(bytes: number): string {
  return `The request body is ${bytes} bytes; the limit is 1 MB (${MAX_BODY_BYTES} bytes).`;
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    for (let end = i + 1; end <= Math.min(i + 4, bytes.length); end++) {
      try {
        utf8.decode(bytes.subarray(i, end));
        i = end - 1;
        break;
      } catch {
        if (end === Math.min(i + 4, bytes.length)) return i;
      }
    }
  }
  return bytes.length;
}
