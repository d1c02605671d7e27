import {
  isAccessDenied,
  isOperationUnavailable,
  isResourceGone,
} from './awsErrorKinds';

function awsError(name: string, httpStatusCode?: number): Error {
  return Object.assign(new Error(name), {
    name,
    $metadata: { httpStatusCode },
  });
}

describe('AWS error kinds', () => {
  it('recognises denials by name or by status', () => {
    expect(isAccessDenied(awsError('AccessDeniedException', 400))).toBe(true);
    expect(isAccessDenied(awsError('AccessDenied'))).toBe(true);
    expect(isAccessDenied(awsError('SomethingElse', 403))).toBe(true);
    expect(isAccessDenied(awsError('ThrottlingException', 429))).toBe(false);
  });

  it('tells a missing operation from a missing resource', () => {
    // What the SDK throws for moto's HTML 404 page.
    const html404 = Object.assign(new SyntaxError("Unexpected token '<'"), {
      $metadata: { httpStatusCode: 404 },
    });
    expect(isOperationUnavailable(html404)).toBe(true);
    expect(isOperationUnavailable(awsError('UnknownOperationException'))).toBe(
      true,
    );

    // What the SDK throws for moto's HTML 500 of an unimplemented action.
    const html500 = Object.assign(new SyntaxError("Unexpected token '<'"), {
      $metadata: { httpStatusCode: 500 },
    });
    expect(isOperationUnavailable(html500)).toBe(true);

    const gone = awsError('ResourceNotFoundException', 404);
    expect(isOperationUnavailable(gone)).toBe(false);
    expect(isResourceGone(gone)).toBe(true);
    expect(isResourceGone(html404)).toBe(false);
  });

  it('leaves transient and server errors to fail the read', () => {
    for (const error of [
      awsError('ThrottlingException', 429),
      awsError('ServerException', 500),
      awsError('ServiceUnavailableException', 503),
      new Error('socket hang up'),
      'not even an error',
    ]) {
      expect(isAccessDenied(error)).toBe(false);
      expect(isOperationUnavailable(error)).toBe(false);
      expect(isResourceGone(error)).toBe(false);
    }
  });
});
