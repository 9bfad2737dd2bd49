import { REGISTER_STATUSES, swedishDate, type RegisterStatus } from '@app/projections';
import { problems } from '../errors/problem.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const BODY = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** "today" for the clerk: the `today` parameter, or the request time in Sweden. */
export function today(raw: string | undefined): string {
  if (raw === undefined || raw === '') return swedishDate();
  if (!DATE.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`))) {
    throw problems.validation([{ field: 'today', message: 'must be a date YYYY-MM-DD' }]);
  }
  return raw;
}

export function year(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{4}$/.test(raw))
    throw problems.validation([{ field: 'year', message: 'must be a year, e.g. 2024' }]);
  return Number(raw);
}

export function body(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!BODY.test(raw))
    throw problems.validation([{ field: 'body', message: 'must be a body id, e.g. ks-au' }]);
  return raw;
}

export function status(raw: string | undefined): RegisterStatus | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!(REGISTER_STATUSES as readonly string[]).includes(raw)) {
    throw problems.validation([
      { field: 'status', message: `must be one of ${REGISTER_STATUSES.join(', ')}` },
    ]);
  }
  return raw as RegisterStatus;
}

export function dnr(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.length > 100)
    throw problems.validation([{ field: 'dnr', message: 'must be at most 100 characters' }]);
  return raw;
}

export function positiveInt(raw: string | undefined, field: string, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw problems.validation([{ field, message: `must be an integer from 1 to ${max}` }]);
  }
  return n;
}
