import { logAppliedChange } from './changeLog';

describe('logAppliedChange', () => {
  it('names the change and the request ids of the writes that made it', () => {
    const info = jest.fn();
    logAppliedChange({ info }, 'Create zone a.example.com', [
      { $metadata: { requestId: 'r-1' } },
      { $metadata: { requestId: 'r-2' } },
    ]);
    expect(info).toHaveBeenCalledWith(
      'Done: Create zone a.example.com (AWS request ids r-1, r-2)',
    );
  });

  it('says nothing of request ids when AWS sent none', () => {
    const info = jest.fn();
    logAppliedChange({ info }, 'Tag role r', [{ $metadata: {} }]);
    expect(info).toHaveBeenCalledWith('Done: Tag role r');
  });
});
