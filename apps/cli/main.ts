import { Command, CommanderError } from 'commander';
import { auditCommand } from './audit-commands';
import { CliError, EXIT } from './exit-codes';

/** Runs one command's action and ends the process with its exit code; errors print one line a person can act on. */
async function run(action: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await action();
  } catch (error) {
    process.stderr.write(`tahap: ${(error as Error).message}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : EXIT.unavailable;
  }
}

const program = new Command('tahap')
  .description('Tahap command line for auditors')
  .option('--api <url>', 'the Tahap API (default TAHAP_API_URL, else http://127.0.0.1:3000/api)')
  // Never the token itself as the option's default: --help would print it.
  .option('--token <token>', 'a bearer token; better TAHAP_TOKEN, or TAHAP_EMAIL and TAHAP_PASSWORD to sign in')
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });
program.addCommand(auditCommand(run));

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    // --help and --version end with code 0; every other parse error is a usage error.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    return;
  }
  process.stderr.write(`tahap: ${(error as Error).message}\n`);
  process.exitCode = EXIT.unavailable;
});
