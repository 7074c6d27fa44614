export interface RunCase {
  name: string;
  entry: string;
  args: unknown[];
  expected: unknown;
}

export interface RunRequest {
  js: string;
  cases: RunCase[];
  tolerance: { relative: number; absolute: number };
}

export interface RunCaseResult {
  name: string;
  passed: boolean;
  ms: number;
  message?: string;
  actual?: string;
}

export type RunResponse =
  | { type: 'progress'; results: RunCaseResult[] }
  | { type: 'done'; results: RunCaseResult[] }
  | { type: 'error'; message: string };
