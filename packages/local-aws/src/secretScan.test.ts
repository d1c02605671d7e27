import {
  createCapturingLogger,
  findSecrets,
  recordCredentials,
} from './secretScan.ts';

describe('createCapturingLogger', () => {
  it('keeps every line with its level, child fields and metadata', () => {
    const { logger, lines } = createCapturingLogger();
    logger.child({ task: 't1' }).warn('slow', { ms: 5 });
    logger.error('failed', new Error('boom'));
    expect(JSON.parse(lines[0])).toEqual({
      level: 'warn',
      message: 'slow',
      task: 't1',
      meta: { ms: 5 },
    });
    expect(JSON.parse(lines[1]).meta).toMatchObject({ message: 'boom' });
  });
});

describe('recordCredentials', () => {
  it('remembers every credential value handed out', async () => {
    const seen = new Set<string>();
    const manager = recordCredentials(
      {
        getCredentialProvider: async () => ({
          sdkCredentialProvider: async () => ({
            accessKeyId: 'ASIAEXAMPLEEXAMPLE12',
            secretAccessKey: 'secret-secret-secret',
            sessionToken: 'token-token-token',
          }),
        }),
      },
      seen,
    );
    await (await manager.getCredentialProvider()).sdkCredentialProvider();
    expect([...seen]).toEqual([
      'ASIAEXAMPLEEXAMPLE12',
      'secret-secret-secret',
      'token-token-token',
    ]);
  });
});

describe('findSecrets', () => {
  it('finds known values and secret-shaped text, and nothing in clean lines', () => {
    const lines = [
      'read 3 zones in account 171870262174',
      'credentials {"secretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}',
      'using key AKIAIOSFODNN7EXAMPLE',
      'token FQoGZXIvYXdzEJr',
    ];
    expect(findSecrets(lines, ['FQoGZXIvYXdzEJr', 'test'])).toEqual([
      expect.stringMatching(/^line 2 contains a secret key field/),
      expect.stringMatching(/^line 3 contains an access key id/),
      'line 4 contains a credential value (FQoG...)',
    ]);
    expect(findSecrets([lines[0]], ['test'])).toEqual([]);
  });
});
