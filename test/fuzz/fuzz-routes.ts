import { randomUUID } from 'node:crypto';
import { ORG } from '../fixtures.js';
import type { Kind } from './fuzz-inputs.js';

export interface CommandRoute {
  name: string;
  path: string;
  /** A body the route accepts (times are filled in at request time). */
  valid: Record<string, unknown>;
  fields: Record<string, Kind>;
  /** Fields whose absence is a violation of their own. */
  required: readonly string[];
}

const at = '<recent>';
const office = '/api/v1/offices/0314';
// Any well-formed id: bodies here are refused before an id is looked up.
const id = randomUUID();

export const COMMAND_ROUTES: CommandRoute[] = [
  {
    name: 'employer contact', path: `${office}/employer-contacts`,
    valid: { orgNumber: ORG.builder, channel: 'PHONE', theme: 'RECRUITMENT', occurredAt: at },
    fields: { orgNumber: 'org', employerName: 'text', naceCode: 'text', channel: 'enum', theme: 'enum', occurredAt: 'time', durationMinutes: 'int', note: 'text', noPersonalData: 'bool' },
    required: ['orgNumber', 'channel', 'theme', 'occurredAt'],
  },
  {
    name: 'recruitment need', path: `${office}/recruitment-needs`,
    valid: { orgNumber: ORG.nav, positions: 2, occupation: 'tømrer', occurredAt: at },
    fields: { orgNumber: 'org', positions: 'int', occupation: 'text', occurredAt: 'time' },
    required: ['orgNumber', 'positions', 'occupation', 'occurredAt'],
  },
  {
    name: 'close need', path: `${office}/recruitment-needs/${id}/close`,
    valid: { result: 'FILLED', occurredAt: at }, fields: { result: 'enum', occurredAt: 'time' }, required: ['result', 'occurredAt'],
  },
  {
    name: 'enrolment', path: `${office}/cases`,
    valid: { clientRef: 'b'.repeat(64), needGroup: 'STANDARD', followUpMode: 'IN_HOUSE', measureCode: 'INDJOBSTOT', occurredAt: at },
    fields: { personId: 'personId', clientRef: 'clientRef', needGroup: 'enum', followUpMode: 'enum', measureCode: 'enum', providerOrgNumber: 'org', occurredAt: 'time' },
    required: ['needGroup', 'followUpMode', 'measureCode', 'occurredAt'],
  },
  {
    name: 'follow-up', path: `${office}/cases/${id}/follow-ups`,
    valid: { kind: 'CLIENT_CALL', occurredAt: at }, fields: { kind: 'enum', occurredAt: 'time' }, required: ['kind', 'occurredAt'],
  },
  {
    name: 'placement', path: `${office}/cases/${id}/placement`,
    valid: { orgNumber: ORG.shop, startDate: '2026-01-01', employmentPercent: 50, employmentType: 'PERMANENT', occurredAt: at },
    fields: { orgNumber: 'org', startDate: 'date', employmentPercent: 'int', employmentType: 'enum', wageSubsidy: 'bool', occurredAt: 'time' },
    required: ['orgNumber', 'startDate', 'employmentPercent', 'employmentType', 'occurredAt'],
  },
  {
    name: 'exit', path: `${office}/cases/${id}/exit`,
    valid: { reason: 'NO_JOB', occurredAt: at }, fields: { reason: 'enum', occurredAt: 'time' }, required: ['reason', 'occurredAt'],
  },
  {
    name: 'transfer', path: `${office}/cases/${id}/transfer`,
    valid: { toOfficeNumber: '5001', occurredAt: at }, fields: { toOfficeNumber: 'office', occurredAt: 'time' }, required: ['toOfficeNumber', 'occurredAt'],
  },
];

export interface QueryRoute {
  path: string;
  /** Who may read it. */
  as: 'manager' | 'auditor' | 'admin';
  params: Record<string, Kind>;
}

const viewTime: Record<string, Kind> = { asOf: 'time', asOfPosition: 'position', minPosition: 'position' };
const period: Record<string, Kind> = { from: 'month', to: 'month', ...viewTime };
const window: Record<string, Kind> = { from: 'window', to: 'window', after: 'cursor', limit: 'cursor' };

export const QUERY_ROUTES: QueryRoute[] = [
  { path: `${office}/engagement`, as: 'manager', params: period },
  { path: `${office}/outcomes`, as: 'manager', params: period },
  { path: `${office}/follow-up-gaps`, as: 'manager', params: { days: 'cursor', ...viewTime } },
  { path: `${office}/employers`, as: 'manager', params: { sort: 'enum', after: 'cursor', limit: 'cursor', ...viewTime } },
  { path: '/api/v1/offices', as: 'auditor', params: period },
  { path: '/api/v1/providers', as: 'auditor', params: period },
  { path: `${office}/history`, as: 'manager', params: { ...window, types: 'enum' } },
  { path: '/api/v1/access-log', as: 'auditor', params: { ...window, office: 'office' } },
  { path: '/api/v1/admin/projections/engagement/verify', as: 'admin', params: { office: 'office' } },
];

/** The body as sent: times filled in, mutated fields set (undefined: left out). */
export function bodyOf(route: CommandRoute, changes: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = { ...route.valid, ...changes };
  for (const [key, value] of Object.entries(body)) {
    if (value === at) body[key] = new Date(Date.now() - 3_600_000).toISOString();
    if (value === undefined) delete body[key];
  }
  return body;
}
