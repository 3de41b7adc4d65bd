import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AccessLogEntry } from '../access-log-entry.js';
import type { AccessLogParams } from './access-log.params.js';

export type AccessLogLine = AccessLogEntry & { id: number; at: string };

export interface AccessLogAnswer {
  entries: AccessLogLine[];
  /** `after` for the next page; null when nothing more matched at the time of the read. */
  next: number | null;
}

export class GetAccessLog extends Query<AccessLogAnswer> {
  constructor(readonly params: AccessLogParams) {
    super();
  }
}

interface Row {
  id: string;
  at: Date;
  nav_ident: string | null;
  roles: string[];
  office_number: string | null;
  method: string;
  route: string;
  allowed: boolean;
  reason: string;
  correlation_id: string | null;
}

/**
 * Oldest first in commit order, like history: only lines of transactions older than every running
 * one, paged by (transaction_id, id) from the cursor's line, an index range per office, never an OFFSET.
 * By id alone a page could pass a lower id whose insert commits later, and that line would be skipped.
 */
@QueryHandler(GetAccessLog)
export class GetAccessLogHandler implements IQueryHandler<GetAccessLog> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ params }: GetAccessLog): Promise<AccessLogAnswer> {
    const values: unknown[] = [];
    const where = ['transaction_id < pg_snapshot_xmin(pg_current_snapshot())'];
    const param = (value: unknown) => `$${values.push(value)}`;
    if (params.after !== undefined) where.push(await this.pastCursor(params.after, param));
    if (params.office !== undefined) where.push(`office_number = ${param(params.office)}`);
    if (params.from !== undefined) where.push(`at >= ${param(params.from)}::timestamptz`);
    if (params.to !== undefined) where.push(`at < ${param(params.to)}::timestamptz`);
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM access_log WHERE ${where.join(' AND ')} ORDER BY transaction_id, id LIMIT ${param(params.limit + 1)}`,
      values,
    );
    const page = rows.slice(0, params.limit).map(lineOf);
    return { entries: page, next: rows.length > params.limit ? page[page.length - 1]!.id : null };
  }

  /** After the cursor's line in commit order; a cursor no line has (never handed out) falls back to the id. */
  private async pastCursor(after: number, param: (value: unknown) => string): Promise<string> {
    const [line] = await this.dataSource.query('SELECT transaction_id::text FROM access_log WHERE id = $1', [after]);
    if (!line) return `id > ${param(after)}`;
    return `(transaction_id, id) > (${param(line.transaction_id)}::xid8, ${param(after)})`;
  }
}

const lineOf = (row: Row): AccessLogLine => ({
  id: Number(row.id),
  at: row.at.toISOString(),
  navIdent: row.nav_ident,
  roles: row.roles,
  officeNumber: row.office_number,
  method: row.method,
  route: row.route,
  allowed: row.allowed,
  reason: row.reason,
  correlationId: row.correlation_id,
});
