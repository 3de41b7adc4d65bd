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

/** Oldest first, like history: a cursor on id, an index range per office, never an OFFSET. */
@QueryHandler(GetAccessLog)
export class GetAccessLogHandler implements IQueryHandler<GetAccessLog> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ params }: GetAccessLog): Promise<AccessLogAnswer> {
    const values: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => `$${values.push(value)}`;
    if (params.after !== undefined) where.push(`id > ${param(params.after)}`);
    if (params.office !== undefined) where.push(`office_number = ${param(params.office)}`);
    if (params.from !== undefined) where.push(`at >= ${param(params.from)}::timestamptz`);
    if (params.to !== undefined) where.push(`at < ${param(params.to)}::timestamptz`);
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM access_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ${param(params.limit + 1)}`,
      values,
    );
    const page = rows.slice(0, params.limit).map(lineOf);
    return { entries: page, next: rows.length > params.limit ? page[page.length - 1]!.id : null };
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
