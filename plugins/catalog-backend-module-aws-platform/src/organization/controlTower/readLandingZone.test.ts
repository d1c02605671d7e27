import { mockClient } from 'aws-sdk-client-mock';
import { ControlTowerClient } from './ControlTowerClient';
import {
  GetLandingZoneCommand,
  ListLandingZonesCommand,
} from './landingZoneCommands';
import { readLandingZone } from './readLandingZone';

// moto does not emulate Control Tower, so the reader is tested here on
// aws-sdk-client-mock; the client's own wire format, signing and retries
// are tested against a loopback server in ControlTowerClient.test.ts.

const ARN =
  'arn:aws:controltower:us-east-1:111111111111:landingzone/1A2B3C4D5E6F7G8H';

const client = new ControlTowerClient({
  region: 'us-east-1',
  credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }),
});
const mock = mockClient(client);

const deniedError = () =>
  Object.assign(new Error('not authorized'), {
    name: 'AccessDeniedException',
  });

beforeEach(() => mock.reset());

describe('readLandingZone', () => {
  it('reads the Log Archive and Audit accounts and governed regions from the manifest', async () => {
    mock.on(ListLandingZonesCommand).resolves({
      landingZones: [{ arn: ARN }],
    });
    mock.on(GetLandingZoneCommand, { landingZoneIdentifier: ARN }).resolves({
      landingZone: {
        arn: ARN,
        manifest: {
          governedRegions: ['us-east-1', 'eu-west-1'],
          centralizedLogging: { accountId: '222222222222' },
          securityRoles: { accountId: '333333333333' },
          accessManagement: { enabled: true },
        },
      },
    });
    await expect(readLandingZone(client)).resolves.toEqual({
      logArchiveAccountId: '222222222222',
      auditAccountId: '333333333333',
      governedRegions: ['us-east-1', 'eu-west-1'],
    });
  });

  it('follows the pages of ListLandingZones to the first landing zone', async () => {
    mock
      .on(ListLandingZonesCommand)
      .resolvesOnce({ landingZones: [], nextToken: 't1' })
      .resolvesOnce({ landingZones: [{ arn: ARN }] });
    mock.on(GetLandingZoneCommand).resolves({
      landingZone: { arn: ARN, manifest: { governedRegions: [] } },
    });
    await expect(readLandingZone(client)).resolves.toEqual({
      governedRegions: [],
    });
    expect(mock.commandCalls(ListLandingZonesCommand)[1].args[0].input).toEqual(
      {
        maxResults: 1,
        nextToken: 't1',
      },
    );
  });

  it('is undefined when the organization has no landing zone here', async () => {
    mock.on(ListLandingZonesCommand).resolves({ landingZones: [] });
    await expect(readLandingZone(client)).resolves.toBeUndefined();
    expect(mock.commandCalls(GetLandingZoneCommand)).toHaveLength(0);
  });

  it('is undefined when the role may not read Control Tower, so roles rest on other evidence', async () => {
    mock.on(ListLandingZonesCommand).rejects(deniedError());
    await expect(readLandingZone(client)).resolves.toBeUndefined();
  });

  it('throws any other failure, so the organization read fails whole', async () => {
    mock.on(ListLandingZonesCommand).resolves({
      landingZones: [{ arn: ARN }],
    });
    mock.on(GetLandingZoneCommand).rejects(
      Object.assign(new Error('rate exceeded'), {
        name: 'ThrottlingException',
      }),
    );
    await expect(readLandingZone(client)).rejects.toThrow('rate exceeded');
  });
});
