// A Stryker reporter that writes each mutant's result as soon as it is known, one JSON line each,
// to the file named by MUTANT_LOG: Stryker's own reports appear only at the end of a run, so a run
// stopped part way (a busy machine, a deadline) would otherwise say nothing about what it tested.
import { appendFileSync, writeFileSync } from 'node:fs';
import { declareClassPlugin, PluginKind } from '@stryker-mutator/api/plugin';

class MutantLogReporter {
  static inject = [];
  file = process.env.MUTANT_LOG;

  onMutationTestingPlanReady() {
    if (this.file) writeFileSync(this.file, '');
  }

  onMutantTested(result) {
    if (!this.file) return;
    const { id, fileName, location, mutatorName, replacement, status, statusReason } = result;
    // Stryker's report locations count lines and columns from 1, as editors do.
    const line = { id, file: fileName, line: location.start.line, column: location.start.column, mutatorName, replacement, status };
    if (status === 'Survived' || status === 'NoCoverage') line.statusReason = statusReason;
    appendFileSync(this.file, `${JSON.stringify(line)}\n`);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'mutant-log', MutantLogReporter)];
