import { randomUUID } from 'node:crypto';
import type { ClaimedSubmission, GradeRequest, GradeResult, GradingOutcome, GradingStore } from '../../src';

type Row = {
  request: GradeRequest;
  status: 'queued' | 'running' | 'graded' | 'failed';
  childDeaths: number;
  result?: GradeResult;
  failure?: string;
};

/**
 * The storage contract the workers rely on, kept in memory with the same rules as the site's database store
 * (web/src/server/grading, tested there on PGlite and PostgreSQL): claims skip finished submissions, recording is
 * exactly once, child deaths are counted per submission. It also counts calls, to check batching.
 */
export class MemoryGradingStore implements GradingStore {
  readonly rows = new Map<string, Row>();
  readonly calls = { claim: 0, record: 0, recorded: 0, duplicateRecords: 0 };

  add(request: GradeRequest, id: string = randomUUID()): string {
    this.rows.set(id, { request, status: 'queued', childDeaths: 0 });
    return id;
  }

  async claim(ids: string[]): Promise<ClaimedSubmission[]> {
    this.calls.claim++;
    return ids.flatMap((submissionId) => {
      const row = this.rows.get(submissionId);
      if (!row || row.status === 'graded' || row.status === 'failed') return [];
      row.status = 'running';
      return [{ submissionId, request: row.request, childDeaths: row.childDeaths }];
    });
  }

  async record(outcomes: GradingOutcome[]): Promise<void> {
    this.calls.record++;
    for (const outcome of outcomes) {
      const row = this.rows.get(outcome.claim.submissionId);
      if (!row || row.status === 'graded' || row.status === 'failed') {
        this.calls.duplicateRecords++;
        continue;
      }
      this.calls.recorded++;
      if ('result' in outcome) Object.assign(row, { status: 'graded', result: outcome.result });
      else Object.assign(row, { status: 'failed', failure: outcome.failure });
    }
  }

  async countChildDeath(submissionId: string): Promise<number> {
    const row = this.rows.get(submissionId)!;
    return ++row.childDeaths;
  }

  finished(): number {
    return [...this.rows.values()].filter((row) => row.status === 'graded' || row.status === 'failed').length;
  }
}
