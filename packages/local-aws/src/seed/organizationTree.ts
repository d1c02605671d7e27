import {
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  EnableAWSServiceAccessCommand,
  MoveAccountCommand,
  OrganizationsClient,
  RegisterDelegatedAdministratorCommand,
} from '@aws-sdk/client-organizations';
import { toTagList } from './conventions.ts';

/**
 * Creates OUs from their paths (`Workloads/Prod`), parents listed before
 * children, one after another (creation order fixes moto's seeded ids);
 * returns their ids by path.
 */
export async function createOuTree(
  org: OrganizationsClient,
  rootId: string,
  paths: readonly string[],
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const path of paths) {
    const parts = path.split('/');
    const parent = parts.slice(0, -1).join('/');
    const out = await org.send(
      new CreateOrganizationalUnitCommand({
        ParentId: parent ? ids[parent] : rootId,
        Name: parts[parts.length - 1],
      }),
    );
    if (!out.OrganizationalUnit?.Id) throw new Error(`OU ${path} not created`);
    ids[path] = out.OrganizationalUnit.Id;
  }
  return ids;
}

/**
 * CreateAccount (with tags, when given), then MoveAccount from the root into
 * its OU; returns the account id. moto creates accounts at once (SUCCEEDED
 * in the first answer); the reference estate's seeder polls as AWS needs.
 */
export async function createAccountInOu(
  org: OrganizationsClient,
  request: {
    name: string;
    email: string;
    tags?: Record<string, string>;
    rootId: string;
    ouId: string;
  },
): Promise<string> {
  const out = await org.send(
    new CreateAccountCommand({
      AccountName: request.name,
      Email: request.email,
      ...(request.tags && { Tags: toTagList(request.tags) }),
    }),
  );
  const id = out.CreateAccountStatus?.AccountId;
  if (!id) throw new Error(`account ${request.name} not created`);
  await org.send(
    new MoveAccountCommand({
      AccountId: id,
      SourceParentId: request.rootId,
      DestinationParentId: request.ouId,
    }),
  );
  return id;
}

/**
 * Makes the account the organization's delegated administrator of the
 * service, after turning on the service's trusted access.
 */
export async function registerDelegatedAdministrator(
  org: OrganizationsClient,
  accountId: string,
  service: string,
): Promise<void> {
  await org.send(
    new EnableAWSServiceAccessCommand({ ServicePrincipal: service }),
  );
  await org.send(
    new RegisterDelegatedAdministratorCommand({
      AccountId: accountId,
      ServicePrincipal: service,
    }),
  );
}
