import { Flags } from '@oclif/core';
import { LakeshiftCommand } from './_base/lakeshift-command.js';
import { displayPath } from './_base/display-path.js';
import { textTable } from './_base/table.js';
import { runDoctor, type DoctorResult } from '../src/doctor/doctor.js';

export default class Doctor extends LakeshiftCommand<typeof Doctor> {
  static override summary = 'Check lakeshift.yaml, every connection, the configured folders and git.';
  static override description =
    'Each connection is opened and asked for its version, under a timeout. Exit 0 when all is well, 3 when a ' +
    'connection fails, 2 when a configured folder is missing.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --connection legacy --timeout 30',
    '<%= config.bin %> <%= command.id %> --json',
  ];
  static override flags = {
    connection: Flags.string({ summary: 'Check only this connection (repeatable).', multiple: true }),
    timeout: Flags.integer({ summary: 'Seconds to wait for each connection.', default: 10, min: 1 }),
  };

  async run(): Promise<DoctorResult> {
    const loaded = await this.loadConfig();
    const result = await runDoctor({
      loaded,
      timeoutMs: this.flags.timeout * 1000,
      reporter: this.reporter,
      signal: this.signal,
      ...(this.flags.connection === undefined ? {} : { connections: this.flags.connection }),
    });
    this.log(render(result));
    this.setExitCode(result.exitCode);
    return result;
  }
}

function render(result: DoctorResult): string {
  const lines = [`lakeshift doctor: ${displayPath(result.config)} (project ${result.project})`, '', 'connections'];
  if (result.connections.length === 0) lines.push('  (none configured)');
  lines.push(
    textTable(
      result.connections.map((check) => [
        check.status === 'ok' ? 'ok' : 'FAILED',
        check.name,
        check.kind,
        check.target,
        `${check.status === 'ok' ? `${check.product} ${check.version}` : `${check.error?.code}: ${check.error?.message}`} (${check.elapsedMs} ms)`,
      ]),
    ),
  );
  for (const check of result.connections) {
    if (check.error?.hint !== undefined) lines.push(`  ${check.name}: ${check.error.hint}`);
  }
  if (result.paths.length > 0) {
    lines.push('', 'folders');
    lines.push(textTable(result.paths.map((check) => [check.status === 'ok' ? 'ok' : 'MISSING', check.key, displayPath(check.path)])));
  }
  lines.push('', 'tools');
  lines.push(textTable(result.tools.map((tool) => [tool.status === 'ok' ? 'ok' : 'MISSING', tool.name, tool.version ?? ''])));
  lines.push('', result.ok ? 'All checks passed.' : 'Some checks failed: see above.');
  return lines.join('\n');
}
