import { zoneDelegation } from './zoneDelegation';

const zone = {
  accountId: '171870262174',
  id: 'LIE3CSMCMCUT6Z84QCMSWD',
  name: 'sandbox.example.com',
  private: false,
};
const parentZone = {
  accountId: '454948083136',
  id: 'JVFJWTZIFT9YVI7F16XBXT',
  name: 'example.com',
  private: false,
};
const apex = {
  nameServers: ['ns-1.awsdns-01.org', 'ns-2.awsdns-02.co.uk'],
  ttl: 172800,
};
const readAt = new Date('2026-11-25T10:00:00Z');
const PARENT_REF = 'resource:default/example-com-4db3f07b';

describe('zoneDelegation', () => {
  it('is in sync when the parent lists exactly the zone’s servers, in any case and order', () => {
    const body = zoneDelegation(
      zone,
      apex,
      {
        kind: 'read',
        entityRef: PARENT_REF,
        zone: parentZone,
        record: {
          nameServers: ['ns-2.awsdns-02.co.uk', 'NS-1.awsdns-01.org.'],
          ttl: 3600,
        },
      },
      readAt,
    );
    expect(body).toEqual({
      readAt: '2026-11-25T10:00:00.000Z',
      zone: { ...zone, nameServers: apex.nameServers },
      parent: {
        entityRef: PARENT_REF,
        id: parentZone.id,
        name: 'example.com',
        accountId: parentZone.accountId,
        record: {
          nameServers: ['ns-2.awsdns-02.co.uk', 'NS-1.awsdns-01.org.'],
          ttl: 3600,
        },
      },
      status: 'in-sync',
      missing: [],
      extra: [],
    });
  });

  it('says what to add and remove when the parent’s record drifts', () => {
    const body = zoneDelegation(
      zone,
      apex,
      {
        kind: 'read',
        entityRef: PARENT_REF,
        zone: parentZone,
        record: {
          nameServers: ['ns-1.awsdns-01.org', 'ns-9999.awsdns-99.net'],
        },
      },
      readAt,
    );
    expect(body).toMatchObject({
      status: 'drift',
      missing: ['ns-2.awsdns-02.co.uk'],
      extra: ['ns-9999.awsdns-99.net'],
    });
  });

  it('is not delegated when the parent has no record, and lists every server to add', () => {
    const body = zoneDelegation(
      zone,
      apex,
      {
        kind: 'read',
        entityRef: PARENT_REF,
        zone: parentZone,
        record: undefined,
      },
      readAt,
    );
    expect(body.status).toBe('not-delegated');
    expect(body.missing).toEqual(apex.nameServers);
    expect(body.parent?.record).toBeUndefined();
  });

  it('has no parent when the catalog knows none', () => {
    const body = zoneDelegation(zone, apex, { kind: 'none' }, readAt);
    expect(body).toMatchObject({ status: 'no-parent', missing: [], extra: [] });
    expect(body.parent).toBeUndefined();
  });

  it('is unknown, naming no parent details, when the caller may not see the parent', () => {
    const body = zoneDelegation(
      zone,
      apex,
      { kind: 'not-visible', entityRef: PARENT_REF },
      readAt,
    );
    expect(body).toMatchObject({
      status: 'unknown',
      reason: 'parent-not-visible',
    });
    expect(body.parent).toBeUndefined();
  });
});
