import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_BACKUP_COVERAGE,
  LABEL_ACCOUNT_ROLE,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { withAccountSummaries } from '../ingestion/accountSummaries';
import { refOf } from './scopeDelta';

/**
 * The account entities whose summary a delta changes, summarized again as
 * a full refresh summarizes them (`withAccountSummaries`): from every
 * resource of the account the catalog holds, with the delta applied. The
 * account entities come from the catalog, so what the last refresh gave
 * them (role, owner, Identity Center access, adopters' transformers) stays;
 * only `spec.summary` and the backup coverage are computed again.
 *
 * Backup coverage needs to know whether the account's backups were read;
 * a delta does not read every region, so it keeps the last refresh's
 * answer: read unless the account's coverage was `unknown`.
 */
export function accountsWithDelta(input: {
  /** Ids of the accounts whose resources the delta adds or removes. */
  affected: ReadonlySet<string>;
  /** The provider's account entities, by account id. */
  accounts: ReadonlyMap<string, Entity>;
  /** The provider's resource entities of the affected accounts in the catalog. */
  held: readonly Entity[];
  added: readonly Entity[];
  removedRefs: readonly string[];
  backupServiceRead: boolean;
}): Entity[] {
  const gone = new Set(
    input.removedRefs.map(ref => ref.toLocaleLowerCase('en-US')),
  );
  const fresh = new Set(input.added.map(refOf));
  const resources = [
    ...input.held.filter(e => !gone.has(refOf(e)) && !fresh.has(refOf(e))),
    ...input.added,
  ];
  const affected = [...input.affected].flatMap(
    id => input.accounts.get(id) ?? [],
  );
  // Coverage counts copies into the Backup account, known by its role.
  const backupAccounts = [...input.accounts.values()].filter(
    a =>
      a.metadata.labels?.[LABEL_ACCOUNT_ROLE] === 'backup' &&
      !input.affected.has(accountId(a)),
  );
  const summarized = withAccountSummaries(
    [...affected, ...backupAccounts],
    resources,
    {
      backupRead: id =>
        input.backupServiceRead &&
        input.accounts.get(id)?.metadata.annotations?.[
          ANNOTATION_BACKUP_COVERAGE
        ] !== 'unknown',
    },
  );
  return summarized.slice(0, affected.length);
}

function accountId(entity: Entity): string {
  return entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID] ?? '';
}
