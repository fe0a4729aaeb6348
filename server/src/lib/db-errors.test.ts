import { describe, expect, it } from 'vitest';
import { databaseFailureOf, databaseUnavailableError } from './db-errors.js';

/** A Prisma request error as the driver adapters make it: the driver's code sits two levels down. */
const prismaError = (cause: object) =>
  Object.assign(new Error('Invalid `db.session.create()` invocation'), {
    name: 'PrismaClientKnownRequestError',
    code: 'P2039',
    meta: { modelName: 'Session', driverAdapterError: { name: 'DriverAdapterError', cause } },
  });
const adapterError = (cause: object) => Object.assign(new Error('DriverAdapterError'), { name: 'DriverAdapterError', cause });

describe('database failures, recognised by the driver’s code', () => {
  it('maps SQLite’s result codes (extended ones too) to what an operator acts on', () => {
    const sqlite = (originalCode: string) => databaseFailureOf(prismaError({ kind: 'sqlite', extendedCode: 1, originalCode, originalMessage: '...' }))?.failure;
    expect(sqlite('SQLITE_FULL')).toBe('full');
    expect(sqlite('SQLITE_READONLY')).toBe('read_only');
    expect(sqlite('SQLITE_READONLY_DBMOVED')).toBe('read_only');
    expect(sqlite('SQLITE_CORRUPT')).toBe('corrupt');
    expect(sqlite('SQLITE_NOTADB')).toBe('corrupt');
    expect(sqlite('SQLITE_IOERR_WRITE')).toBe('io_error');
    expect(sqlite('SQLITE_BUSY')).toBe('busy');
    expect(sqlite('SQLITE_CANTOPEN')).toBe('unreachable');
  });

  it('maps PostgreSQL’s SQLSTATE codes, as the pg adapter passes them on', () => {
    const pg = (originalCode: string) => databaseFailureOf(adapterError({ kind: 'postgres', code: originalCode, originalCode, severity: 'ERROR' }))?.failure;
    expect(pg('53100')).toBe('full');
    expect(pg('25006')).toBe('read_only');
    expect(pg('XX001')).toBe('corrupt');
    expect(pg('XX002')).toBe('corrupt');
    expect(pg('58030')).toBe('io_error');
    expect(pg('53300')).toBe('busy');
    expect(pg('57P01')).toBe('unreachable');
    expect(pg('08006')).toBe('unreachable');
    expect(databaseFailureOf(adapterError({ kind: 'DatabaseNotReachable', originalCode: 'ECONNREFUSED' }))?.failure).toBe('unreachable');
  });

  it('knows the drivers’ own errors and Prisma’s connection codes', () => {
    expect(databaseFailureOf(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toEqual({ failure: 'full', code: 'SQLITE_FULL' });
    expect(databaseFailureOf(Object.assign(new Error('no space'), { code: 'ENOSPC' }))?.failure).toBe('full');
    expect(databaseFailureOf(Object.assign(new Error("Can't reach database server"), { name: 'PrismaClientKnownRequestError', code: 'P1001' }))?.failure).toBe('unreachable');
  });

  it('leaves everything else alone: constraint violations, validation errors, plain errors', () => {
    expect(databaseFailureOf(prismaError({ kind: 'UniqueConstraintViolation', originalCode: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBeNull();
    expect(databaseFailureOf(adapterError({ kind: 'postgres', code: '23505', originalCode: '23505' }))).toBeNull();
    expect(databaseFailureOf(Object.assign(new Error('x'), { name: 'PrismaClientKnownRequestError', code: 'P2002' }))).toBeNull();
    expect(databaseFailureOf(new Error('boom'))).toBeNull();
    expect(databaseFailureOf(undefined)).toBeNull();
  });

  it('answers a request that met one with 503 DATABASE_UNAVAILABLE in Danish and Retry-After', () => {
    const e = databaseUnavailableError(prismaError({ kind: 'sqlite', originalCode: 'SQLITE_FULL' }))!;
    expect(e.status).toBe(503);
    expect(e.code).toBe('DATABASE_UNAVAILABLE');
    expect(e.message).toMatch(/^Arbejdsbænken kan ikke gemme/);
    expect(e.headers).toEqual({ 'Retry-After': '30' });
    expect(databaseUnavailableError(new Error('boom'))).toBeNull();
  });
});
