// Bad specs are refused with a clear error before anything is created or started.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CodeRunner } from '../../../src/core/runs/code-runner.ts';
import type { RunSpec } from '../../../src/core/runs/run-types.ts';
import { tempRoot } from './run-helpers.ts';

const root = tempRoot();
const runner = new CodeRunner();
after(() => root.remove());

const project = join(root.path, 'project');
mkdirSync(join(project, 'src'), { recursive: true });
symlinkSync(root.path, join(project, 'escape'));

function refused(spec: Partial<RunSpec>, code: string, message: RegExp): void {
  const runDirectory = root.runDirectory();
  const full = { language: 'bash', code: 'echo ran', runDirectory, ...spec } as RunSpec;
  assert.throws(
    () => runner.start(full),
    (error: Error & { code?: string }) => {
      assert.equal(error.code, code, error.message);
      assert.match(error.message, message);
      return true;
    },
  );
  assert.equal(existsSync(runDirectory), false, 'nothing was created');
}

describe('bad input is refused and nothing runs', () => {
  it('an unknown language lists the known ones', () =>
    refused(
      { language: 'cobol' as never },
      'VALIDATION',
      /Unknown language "cobol"; use one of python, javascript/,
    ));
  it('empty code', () => refused({ code: '' }, 'VALIDATION', /code is empty/));
  it('code of only whitespace', () => refused({ code: ' \n\t ' }, 'VALIDATION', /code is empty/));
  it('code over 1 MB', () =>
    refused(
      { code: `echo ${'x'.repeat(1024 * 1024)}` },
      'VALIDATION',
      /over the 1048576-byte limit/,
    ));
  it('a timeout of 0', () =>
    refused(
      { timeoutSeconds: 0 },
      'VALIDATION',
      /timeoutSeconds must be a whole number of seconds \(at most an hour\) from 1 to 3600; got 0/,
    ));
  it('a negative timeout', () => refused({ timeoutSeconds: -5 }, 'VALIDATION', /got -5/));
  it('a fractional timeout', () => refused({ timeoutSeconds: 1.5 }, 'VALIDATION', /whole number/));
  it('a timeout of a year', () =>
    refused({ timeoutSeconds: 365 * 24 * 3600 }, 'VALIDATION', /at most an hour/));
  it('a relative run folder', () =>
    refused({ runDirectory: 'runs/1' }, 'VALIDATION', /absolute path/));
  it('a database for a language other than sql', () =>
    refused({ database: '/tmp/x.sqlite' }, 'VALIDATION', /sql runs only/));
  it('a working directory with ..', () =>
    refused(
      { projectRoot: project, workingDirectory: 'src/../..' },
      'VALIDATION',
      /contains "\.\."/,
    ));
  it('an absolute working directory outside the project', () =>
    refused(
      { projectRoot: project, workingDirectory: root.path },
      'VALIDATION',
      /outside the project's root/,
    ));
  it('a symlink inside the project that leads out of it', () =>
    refused(
      { projectRoot: project, workingDirectory: 'escape' },
      'VALIDATION',
      /outside the project's root/,
    ));
  it('a working directory without a project root', () =>
    refused({ workingDirectory: project }, 'VALIDATION', /needs the project's root/));
  it('a working directory that does not exist', () =>
    refused({ projectRoot: project, workingDirectory: 'nope' }, 'NOT_FOUND', /does not exist/));

  it('a run folder that is not empty is refused', () => {
    const runDirectory = root.runDirectory();
    mkdirSync(join(runDirectory, 'old'), { recursive: true });
    assert.throws(
      () => runner.start({ language: 'bash', code: 'echo ran', runDirectory }),
      (error: Error & { code?: string }) =>
        error.code === 'CONFLICT' && /not empty/.test(error.message),
    );
  });

  it('forcing bubblewrap where it does not work names how to get it', () => {
    const without = new CodeRunner({
      tools: {
        bwrap: null,
        prlimit: '/usr/bin/prlimit',
        setpriv: null,
        bwrapWorks: false,
        bwrapWorksAsNobody: false,
        isRoot: false,
      },
    });
    const runDirectory = root.runDirectory();
    assert.throws(
      () =>
        without.start({ language: 'bash', code: 'echo ran', runDirectory, sandbox: 'bubblewrap' }),
      (error: Error & { code?: string }) =>
        error.code === 'NOT_FOUND' && /apt-get install bubblewrap/.test(error.message),
    );
    assert.equal(existsSync(runDirectory), false);
  });
});
