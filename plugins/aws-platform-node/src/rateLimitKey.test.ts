import { rateLimitKey } from './rateLimitKey';

describe('rateLimitKey', () => {
  it('gives a regional API one bucket per account and region', () => {
    expect(rateLimitKey('111111111111', 'EKS', 'us-east-1')).not.toBe(
      rateLimitKey('111111111111', 'EKS', 'eu-west-1'),
    );
    expect(rateLimitKey('111111111111', 'Backup', 'us-east-1')).toBe(
      rateLimitKey('111111111111', 'Backup', 'us-east-1'),
    );
    expect(rateLimitKey('111111111111', 'EKS', 'us-east-1')).not.toBe(
      rateLimitKey('222222222222', 'EKS', 'us-east-1'),
    );
  });

  it.each(['Route 53', 'Organizations', 'IAM', 'STS'])(
    'gives the global API %s one bucket per account, whatever the region',
    service => {
      expect(rateLimitKey('111111111111', service, 'us-east-1')).toBe(
        rateLimitKey('111111111111', service, 'eu-west-1'),
      );
    },
  );

  it('keeps services apart', () => {
    expect(rateLimitKey('111111111111', 'EKS', 'us-east-1')).not.toBe(
      rateLimitKey('111111111111', 'Backup', 'us-east-1'),
    );
  });
});
