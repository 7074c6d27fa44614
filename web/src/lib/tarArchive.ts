import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * A minimal ustar writer and reader for exercise folders (plain text files, short paths): the archive an instructor
 * downloads unpacks with `tar -xzf` into exercises/content/, and one made by `tar -czf` of a folder imports back.
 */
export function writeTarGz(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  const dirs = new Set<string>();
  for (const path of Object.keys(files)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(`${parts.slice(0, i).join('/')}/`);
  }
  for (const dir of [...dirs].sort()) blocks.push(header(dir, 0, '5'));
  for (const [path, text] of Object.entries(files)) {
    const body = Buffer.from(text, 'utf8');
    blocks.push(header(path, body.length, '0'), body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

function header(path: string, size: number, type: '0' | '5'): Buffer {
  if (Buffer.byteLength(path) > 100) throw new Error(`path too long for the archive: ${path}`);
  const block = Buffer.alloc(512);
  const put = (text: string, offset: number, length: number) => block.write(text, offset, length, 'utf8');
  const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, '0');
  put(path, 0, 100);
  put(octal(type === '5' ? 0o755 : 0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(Math.floor(Date.now() / 1000), 12), 136, 12);
  put('        ', 148, 8);
  put(type, 156, 1);
  put('ustar\u000000', 257, 8);
  let sum = 0;
  for (const byte of block) sum += byte;
  put(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8);
  return block;
}

/** The regular files of a .tar.gz (or plain .tar) as path → UTF-8 text; throws a specific error for a bad archive. */
export function readTarGz(archive: Uint8Array, limits = { files: 64, bytes: 2 * 1024 * 1024 }): Record<string, string> {
  let tar: Buffer;
  const input = Buffer.from(archive);
  try {
    tar = input[0] === 0x1f && input[1] === 0x8b ? gunzipSync(input, { maxOutputLength: limits.bytes * 2 }) : input;
  } catch (error) {
    throw new Error(`The archive is not a readable .tar.gz (${(error as Error).message}).`);
  }
  const files: Record<string, string> = {};
  let total = 0;
  for (let offset = 0; offset + 512 <= tar.length;) {
    const block = tar.subarray(offset, offset + 512);
    if (block.every((b) => b === 0)) break;
    const text = (start: number, length: number) => block.toString('utf8', start, start + length).replace(/\0.*$/s, '');
    const prefix = text(345, 155);
    const name = (prefix ? `${prefix}/` : '') + text(0, 100);
    const size = parseInt(text(124, 12).trim() || '0', 8);
    const type = text(156, 1) || '0';
    if (!Number.isFinite(size) || size < 0) throw new Error(`The archive's entry ${name} has an unreadable size.`);
    offset += 512;
    if (type === '0') {
      total += size;
      if (Object.keys(files).length >= limits.files || total > limits.bytes)
        throw new Error('The archive is larger than an exercise folder can be.');
      files[name.replace(/^\.\//, '')] = tar.toString('utf8', offset, offset + size);
    }
    offset += Math.ceil(size / 512) * 512;
  }
  if (Object.keys(files).length === 0) throw new Error('The archive holds no files.');
  return files;
}
