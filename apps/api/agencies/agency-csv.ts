import { parse, type CsvError, type Info } from 'csv-parse/sync';
import { validateAgencyProfile, type AgencyProfile } from '../../../libs/domain/agency/agency-profile';

export interface AgencyCsvProblem {
  line: number;
  field?: string;
  message: string;
}

export interface AgencyCsvResult {
  profiles: AgencyProfile[];
  problems: AgencyCsvProblem[];
  /** The line each agency code is on, to report problems found later (a code already registered). */
  lineOfCode: Map<string, number>;
}

const COLUMNS = [
  'code',
  'name',
  'cluster',
  'province',
  'zone',
  'contact_name',
  'contact_email',
  'contact_phone',
  'language',
] as const;

/** Columns a file may leave out: `region_3t` (ya/yes/true/1, or tidak/no/false/0/empty). */
const OPTIONAL_COLUMNS = ['region_3t'] as const;

type Column = (typeof COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

const YES = ['ya', 'yes', 'true', '1'];
const NO = ['', 'tidak', 'no', 'false', '0'];

const MAX_ROWS = 5000;

interface Row {
  line: number;
  cells: string[];
}

/**
 * A record's row as a spreadsheet numbers it: the records up to and including it plus the empty lines skipped before
 * it. Not csv-parse's `lines`, which is where a record ends and counts a quoted line break twice when it is CRLF.
 */
const rowNumber = (state: { records: number; empty_lines: number }): number => state.records + state.empty_lines;

const QUOTE_HINT = 'put a value containing commas or quotes in double quotes, and write a quote inside it as ""';

function malformed(error: unknown): AgencyCsvProblem {
  const { code, records, empty_lines } = error as Partial<CsvError>;
  const line = typeof records === 'number' && typeof empty_lines === 'number' ? records + empty_lines + 1 : 1;
  const textAfterQuote = `a quoted value is followed by more text before the next comma; ${QUOTE_HINT}`;
  const messages: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: `a quoted value starting on this line is never closed; ${QUOTE_HINT}`,
    CSV_INVALID_CLOSING_QUOTE: textAfterQuote,
    CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: textAfterQuote,
    INVALID_OPENING_QUOTE: `a quote appears in the middle of a value; ${QUOTE_HINT}`,
  };
  const known = typeof code === 'string' ? messages[code] : undefined;
  return { line, message: known ?? `the file is not valid CSV: ${error instanceof Error ? error.message : 'unknown'}` };
}

function readRows(text: string): Row[] | AgencyCsvProblem {
  try {
    const records = parse(text, {
      columns: false,
      skip_empty_lines: true,
      relax_column_count: true,
      bom: true,
      trim: true,
      info: true,
      // The declared return type ignores `info: true`, which wraps each record as { record, info }.
    }) as unknown as { record: string[]; info: Info }[];
    return records.map(({ record, info }) => ({ line: rowNumber(info), cells: record }));
  } catch (error) {
    return malformed(error);
  }
}

function checkHeader({ line, cells }: Row): AgencyCsvProblem[] {
  const expected = `the header must name the columns ${COLUMNS.join(',')}`;
  const problems: AgencyCsvProblem[] = [];
  const seen = new Set<string>();
  for (const name of cells) {
    if (![...COLUMNS, ...OPTIONAL_COLUMNS].includes(name as Column)) {
      problems.push({ line, field: name, message: `column ${JSON.stringify(name)} is not known; ${expected}` });
    } else if (seen.has(name)) {
      problems.push({ line, field: name, message: `column ${name} appears more than once in the header` });
    }
    seen.add(name);
  }
  for (const name of COLUMNS) {
    if (!seen.has(name)) problems.push({ line, field: name, message: `column ${name} is missing; ${expected}` });
  }
  return problems;
}

function toProfile(value: (column: Column) => string): AgencyProfile {
  const phone = value('contact_phone');
  const region = value('region_3t').toLowerCase();
  return {
    region3T: YES.includes(region) ? true : NO.includes(region) ? false : (region as unknown as boolean),
    code: value('code'),
    name: value('name'),
    cluster: value('cluster').toLowerCase() as AgencyProfile['cluster'],
    province: value('province'),
    zone: value('zone').toUpperCase() as AgencyProfile['zone'],
    contacts: [{ name: value('contact_name'), email: value('contact_email'), ...(phone ? { phone } : {}) }],
    language: (value('language') || 'id') as AgencyProfile['language'],
  };
}

const columnOf = (path: string): string =>
  path === 'region3T' ? 'region_3t' : path.replace(/^contacts\[\d+\]\./, 'contact_');

/** Agencies from a CSV file with one agency (and its one contact) per row, and every problem with its line. */
export function parseAgencyCsv(text: string): AgencyCsvResult {
  const rows = readRows(text);
  if (!Array.isArray(rows)) return { profiles: [], problems: [rows], lineOfCode: new Map() };

  // Spreadsheets export a blank row as a line of commas.
  const [header, ...data] = rows.filter((row) => row.cells.some((cell) => cell !== ''));
  if (!header || data.length === 0) {
    return {
      profiles: [],
      problems: [{ line: header?.line ?? 1, message: 'the file has no agency rows' }],
      lineOfCode: new Map(),
    };
  }
  const headerProblems = checkHeader(header);
  if (headerProblems.length > 0) return { profiles: [], problems: headerProblems, lineOfCode: new Map() };
  if (data.length > MAX_ROWS) {
    const message = `the file has ${data.length} agency rows; at most ${MAX_ROWS} rows per import, split it into several files`;
    return { profiles: [], problems: [{ line: data[MAX_ROWS].line, message }], lineOfCode: new Map() };
  }

  const index = new Map(header.cells.map((name, position) => [name, position]));
  const profiles: AgencyProfile[] = [];
  const problems: AgencyCsvProblem[] = [];
  const codeLines = new Map<string, number>();
  for (const { line, cells } of data) {
    if (cells.slice(header.cells.length).some((cell) => cell !== '')) {
      const message = `the row has ${cells.length} values but the header has ${header.cells.length} columns; ${QUOTE_HINT}`;
      problems.push({ line, message });
      continue;
    }
    const profile = toProfile((column) => (index.has(column) ? (cells[index.get(column)!] ?? '') : ''));
    const issues = validateAgencyProfile(profile);
    for (const issue of issues) problems.push({ line, field: columnOf(issue.path), message: issue.message });

    const earlier = profile.code ? codeLines.get(profile.code) : undefined;
    if (earlier !== undefined) {
      problems.push({ line, field: 'code', message: `code ${profile.code} already appears on line ${earlier}` });
    } else if (profile.code) {
      codeLines.set(profile.code, line);
    }
    if (issues.length === 0 && earlier === undefined) profiles.push(profile);
  }
  return { profiles, problems, lineOfCode: codeLines };
}
