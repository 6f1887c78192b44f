import { Flags } from '@oclif/core';
import { LakeshiftCommand } from './_base/lakeshift-command.js';
import { textTable } from './_base/table.js';
import { runRehearse, type RehearseResult } from '../src/rehearse/rehearse.js';

export default class Rehearse extends LakeshiftCommand<typeof Rehearse> {
  static override summary = 'Run the DuckDB translation of the legacy procedures locally, to rebuild the derived tables.';
  static override description =
    'Translates each step (T-SQL such as "EXEC etl.usp_run_nightly", from rehearse.steps or --step) and every procedure it calls ' +
    'from the snapshot to DuckDB, and runs them on the embedded engine: DuckDB runs the statements, lakeshift runs the control flow ' +
    '(variables, IF, WHILE, TRY/CATCH, EXEC of other procedures, dynamic SQL). The legacy tables the snapshot defines are created ' +
    'empty where they do not exist yet, under their translated names (translate.names), so the derived tables land where the ' +
    'parity sets look for the rebuild. Exit 0 when every step ran, 1 when one failed, 2 on bad input, 130 on Ctrl-C.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --step "EXEC etl.usp_load_daily_sales @from = \'2025-01-01\'"',
    '<%= config.bin %> <%= command.id %> --json',
  ];
  static override flags = {
    step: Flags.string({ summary: 'T-SQL to run instead of rehearse.steps (repeatable, run in order).', multiple: true }),
  };

  async run(): Promise<RehearseResult> {
    const loaded = await this.loadConfig();
    const result = await runRehearse({
      loaded,
      reporter: this.reporter,
      signal: this.signal,
      ...(this.flags.step === undefined ? {} : { steps: this.flags.step }),
    });
    const rows = result.steps.map((step) => [step.status === 'ok' ? 'ok' : 'FAILED', step.step, `${step.procedures.length} procedures`, `${step.statements} statements`, `${step.durationMs} ms`]);
    this.log([`rehearsal on ${result.connection}: ${result.status}`, '', textTable(rows)].join('\n'));
    for (const step of result.steps) {
      if (step.error !== undefined) this.log(`\n${step.step}: ${step.error.message}`);
    }
    this.setExitCode(result.status === 'ok' ? 0 : 1);
    return result;
  }
}
