import { idempotencyToken } from './idempotency';

describe('idempotencyToken', () => {
  it('is stable for one task and change, and differs otherwise', () => {
    const token = idempotencyToken('task-1', 'create-zone staging.example.com');
    expect(idempotencyToken('task-1', 'create-zone staging.example.com')).toBe(
      token,
    );
    expect(
      idempotencyToken('task-2', 'create-zone staging.example.com'),
    ).not.toBe(token);
    expect(idempotencyToken('task-1', 'create-zone dev.example.com')).not.toBe(
      token,
    );
    // Route 53 allows 128 characters; Backup request ids are shorter still.
    expect(token.length).toBeLessThanOrEqual(50);
  });
});
