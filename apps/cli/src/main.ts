import { Command, InvalidArgumentError, Option } from 'commander';
import { ROLES } from '../../api/src/auth/api-keys';
import { auditExport, auditReplayCompare, auditVerify } from './audit.commands';
import { importCsl } from './import/csl-import.command';
import { isRecordDate } from '@tracker/domain/shared/calendar-date';
import { importMnd } from './import/mnd-import.command';
import { importOpenSanctions } from './import/opensanctions-import.command';
import { keysCreate, keysHash } from './keys.commands';
import {
  migrate,
  projectionsParked,
  projectionsRebuild,
  projectionsRetry,
  projectionsSkip,
  projectionsStatus,
} from './projections.commands';

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
projections
  .command('parked [name]')
  .description('events a projection could not apply and parked, with their error, attempts and status')
  .action(projectionsParked);
projections
  .command('retry <name> <position>')
  .description('apply a parked event once, after a fix (e.g. a new upcaster); exits 1 if it still fails')
  .action(projectionsRetry);
projections
  .command('skip <name> <position>')
  .description('leave a parked event out of the read model; the skip is kept with your user name and reason')
  .requiredOption('--reason <text>', 'why the event is skipped')
  .action(projectionsSkip);

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

const keys = program
  .command('keys')
  .description('API keys: the entries of API_KEYS_FILE (a JSON array of { name, role, sha256 })');
keys
  .command('create')
  .description('make a random key: prints it once (key: …) and its entry for API_KEYS_FILE (entry: …)')
  .requiredOption('--name <name>', "who holds the key; becomes every event's actor")
  .addOption(roleOption())
  .option('--file <path>', 'also add the entry to this API_KEYS_FILE (created if missing)')
  .action(keysCreate);
keys
  // `[key]` only so that the old `keys hash <key>` is refused with a reason rather than as an unknown argument.
  .command('hash [key]')
  .description('the entry for an existing key, which is read from stdin (never from an argument)')
  .requiredOption('--name <name>', "who holds the key; becomes every event's actor")
  .addOption(roleOption())
  .option('--file <path>', 'also add the entry to this API_KEYS_FILE (created if missing)')
  .action(keysHash);

function roleOption(): Option {
  return new Option('--role <role>', 'what the key may do').choices(ROLES).makeOptionMandatory();
}

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
