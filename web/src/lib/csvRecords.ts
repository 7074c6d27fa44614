/**
 * RFC 4180 records with the line each starts on (a quoted field may span lines): what a spreadsheet's "Save as CSV"
 * writes. A leading byte-order mark is dropped; CRLF and LF both end a record; blank lines are skipped.
 */
interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let line = 1;
  let i = 0;
  while (i < body.length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (body[i] === '"') {
        i++;
        for (;;) {
          if (i >= body.length) return { ok: false, line: start, message: 'a quoted field is never closed (a " is missing)' };
          const char = body[i]!;
          if (char === '"') {
            if (body[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (char === '\n') line++;
          field += char;
          i++;
        }
        if (i < body.length && body[i] !== ',' && body[i] !== '\n' && body[i] !== '\r')
          return { ok: false, line, message: 'text after a quoted field’s closing " (quote the whole field, doubling any " inside)' };
      } else {
        while (i < body.length && body[i] !== ',' && body[i] !== '\n' && body[i] !== '\r') field += body[i++];
      }
      fields.push(field);
      if (body[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (body[i] === '\r') i++;
    if (body[i] === '\n') i++;
    const blank = fields.length === 1 && fields[0]!.trim() === '';
    if (!blank) records.push({ line: start, fields });
    line++;
  }
  return { ok: true, records };
}
