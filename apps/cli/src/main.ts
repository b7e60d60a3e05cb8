import { Command, InvalidArgumentError } from 'commander';
import { hashApiKey } from '@tracker/runtime/api-key-hash';
import { auditExport, auditReplayCompare, auditVerify } from './audit.commands';
import { importCsl } from './import/csl-import.command';
import { isRecordDate } from '@tracker/domain/shared/calendar-date';
import { importMnd } from './import/mnd-import.command';
import { importOpenSanctions } from './import/opensanctions-import.command';
import { migrate, projectionsRebuild, projectionsStatus } from './projections.commands';

/** `npm run cli -- <command>`: operations on the configured stores (same environment as the API). */
const program = new Command('tracker')
  .description('US–China policy tracker: migrations, projection rebuilds, audit export, verification and replay')
  .showHelpAfterError();

program.command('migrate').description('create or update the read-model registry and tables').action(migrate);

const projections = program.command('projections').description('read-model projections');
projections
  .command('status')
  .description('version, generation, checkpoint and lag of each projection')
  .action(projectionsStatus);
projections
  .command('rebuild <name>')
  .description('rebuild a projection blue/green from position 0; the current generation serves until the switch')
  .option('--no-wait', 'only request the rebuild; a running API or projector builds it')
  .option('--timeout <seconds>', 'give up waiting after this long', positiveInt, 600)
  .action(projectionsRebuild);

const audit = program.command('audit').description('audit trail and tamper evidence');
audit
  .command('export [streamId]')
  .description('write events with their metadata as JSON lines (one stream, or --all)')
  .option('--all', 'every stream')
  .action(auditExport);
audit
  .command('verify')
  .description('recompute every hash chain; exit 1 at a break')
  .option('--stream <streamId>')
  .action(auditVerify);
audit
  .command('replay')
  .description('rebuild every projection into scratch tables and compare row for row with the live ones')
  .option('--compare', 'compare with the live tables (the only mode)', true)
  .option('--projection <name>', 'only this projection')
  .action(auditReplayCompare);

const importer = program
  .command('import')
  .description('load published files through the domain commands; re-importing a file appends nothing');
importer
  .command('csl <file>')
  .description(
    'US Consolidated Screening List (trade.gov CSV or API JSON): add, amend and remove by diffing the snapshot',
  )
  .option('--effective <date>', 'removal date for listings absent from the file (default: today, UTC)', isoDate)
  .option('--default-start-date <date>', 'listing date for rows without start_date (else they are rejected)', isoDate)
  .option('--no-remove', 'the file is partial: add and amend only')
  .action(importCsl);
importer
  .command('opensanctions <file>')
  .description('OpenSanctions FollowTheMoney entities (JSON lines, a snapshot) or a delta file (ADD/MOD/DEL)')
  .option('--effective <date>', 'removal date for deleted or absent entities (default: today, UTC)', isoDate)
  .option('--no-remove', 'an entities file is partial: add and amend only (deltas still apply DEL)')
  .action(importOpenSanctions);
importer
  .command('mnd <file>')
  .description('Taiwan MND daily PLA activity CSV to escalation signals in the Taiwan Strait')
  .action(importMnd);

program
  .command('keys')
  .description('API keys')
  .command('hash <key>')
  .description('print the SHA-256 to put in API_KEYS (name:role:sha256) or API_KEYS_FILE')
  .action((key: string) => {
    process.stdout.write(`${hashApiKey(key)}\n`);
  });

function positiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new InvalidArgumentError('must be a positive whole number');
  return parsed;
}

function isoDate(value: string): string {
  if (!isRecordDate(value)) throw new InvalidArgumentError('must be a date as YYYY-MM-DD');
  return value;
}

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
