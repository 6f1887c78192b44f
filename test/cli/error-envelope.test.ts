import { Errors } from '@oclif/core';
import { describe, expect, it } from 'vitest';
import { formatError, toLakeshiftError } from '../../commands/_base/lakeshift-command.js';
import { ConfigError, EngineError, LakeshiftError, toErrorEnvelope } from '../../src/errors.js';

describe('the error envelope', () => {
  it('maps every error family to the exit codes of DESIGN.md section 3', () => {
    expect(new LakeshiftError('CHECK_FAILED', 'x').exitCode).toBe(1);
    expect(new ConfigError('CONFIG_INVALID', 'x').exitCode).toBe(2);
    expect(new EngineError('CONNECTION_TIMEOUT', 'legacy', 'x').exitCode).toBe(3);
    expect(new LakeshiftError('GIT_FAILED', 'x').exitCode).toBe(3);
    expect(toLakeshiftError(new Errors.CLIError('Nonexistent flag: --x')).exitCode).toBe(2);
    expect(new LakeshiftError('INTERRUPTED', 'x').exitCode).toBe(130);
  });

  it('turns anything unexpected into an internal error that says how to report it', () => {
    const error = toLakeshiftError(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(error.code).toBe('INTERNAL');
    expect(error.exitCode).toBe(70);
    expect(error.hint).toMatch(/This is a bug in lakeshift \d+\.\d+\.\d+\. Please report it/);
    const text = formatError(error);
    expect(text).toMatch(/^error \[INTERNAL\] internal error: Cannot read properties/);
    expect(text).toContain('TypeError');
  });

  it('puts the location first when the message does not hold it', () => {
    const error = new LakeshiftError('INPUT_INVALID', 'not a T-SQL file', {
      location: { file: '/nowhere/a.sql', line: 3, column: 7 },
      hint: 'Check the file.',
    });
    expect(formatError(error)).toBe('error [INPUT_INVALID] /nowhere/a.sql:3:7: not a T-SQL file\n  hint: Check the file.');
    expect(toErrorEnvelope(error)).toEqual({
      error: {
        code: 'INPUT_INVALID',
        exitCode: 2,
        message: 'not a T-SQL file',
        hint: 'Check the file.',
        location: { file: '/nowhere/a.sql', line: 3, column: 7 },
      },
    });
  });
});
