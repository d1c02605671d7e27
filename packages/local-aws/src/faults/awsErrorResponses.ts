/**
 * AWS errors as each protocol puts them on the wire, so that the SDK v3
 * client of the service parses them into the same error class (and the same
 * retry decision) as a real answer from AWS:
 *
 * - awsJson (Organizations, SSM, ECR, ...): `{"__type": code}`;
 * - awsQuery (STS, IAM) and restXml (Route 53): an `<ErrorResponse>` document;
 * - restJson (EKS, AWS Backup): the `x-amzn-ErrorType` header.
 */

/** The four wire protocols of the services the suite calls. */
export type AwsProtocol = 'awsJson' | 'awsQuery' | 'restXml' | 'restJson';

const PROTOCOLS: Record<string, AwsProtocol> = {
  sts: 'awsQuery',
  iam: 'awsQuery',
  route53: 'restXml',
  eks: 'restJson',
  backup: 'restJson',
};

/**
 * The protocol of a service, by its signing name. JSON-RPC services
 * (Organizations, SSM, ECR, SSO Admin, ...) all send X-Amz-Target, so that
 * is the fallback.
 */
export function protocolOf(service: string): AwsProtocol {
  return PROTOCOLS[service] ?? 'awsJson';
}

/** XML namespaces of the XML protocols' error documents. */
const XML_NAMESPACES: Record<string, string> = {
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  route53: 'https://route53.amazonaws.com/doc/2013-04-01/',
};

/** One error to send. */
export type AwsError = {
  status: number;
  code: string;
  message: string;
};

/** A complete HTTP answer. */
export type WireResponse = {
  status: number;
  headers: Record<string, string>;
  body: string;
};

/** `error` in the wire form of `service`'s protocol. */
export function renderAwsError(
  service: string,
  error: AwsError,
  requestId: string,
): WireResponse {
  const protocol = protocolOf(service);
  switch (protocol) {
    case 'awsJson':
      return withLength({
        status: error.status,
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amzn-requestid': requestId,
        },
        body: JSON.stringify({ __type: error.code, message: error.message }),
      });
    case 'restJson':
      return withLength({
        status: error.status,
        headers: {
          'content-type': 'application/json',
          'x-amzn-errortype': error.code,
          'x-amzn-requestid': requestId,
        },
        body: JSON.stringify({ message: error.message }),
      });
    case 'awsQuery':
    case 'restXml': {
      const namespace = XML_NAMESPACES[service];
      const type = error.status >= 500 ? 'Receiver' : 'Sender';
      return withLength({
        status: error.status,
        headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
        body:
          `<?xml version="1.0"?>\n<ErrorResponse${
            namespace ? ` xmlns="${namespace}"` : ''
          }><Error><Type>${type}</Type><Code>${escapeXml(
            error.code,
          )}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
          `<RequestId>${requestId}</RequestId></ErrorResponse>`,
      });
    }
    default:
      throw new Error(`unknown protocol ${protocol satisfies never}`);
  }
}

/** Which throttling error a service sends. */
export type ThrottlingKind = 'throttling' | 'prior-request-not-complete';

/**
 * The throttling error each service sends, as its API reference documents
 * it: Organizations `TooManyRequestsException` (400); STS and IAM `Throttling`
 * (400); Route 53 `Throttling` or, for a change while the last one is still
 * pending, `PriorRequestNotComplete` (both 400); EKS `ThrottlingException`
 * (429, as modelled); AWS Backup, SSM, ECR and the rest `ThrottlingException`
 * (400, AWS's common errors).
 */
export function throttlingError(
  service: string,
  kind: ThrottlingKind = 'throttling',
): AwsError {
  const message = 'Rate exceeded';
  if (kind === 'prior-request-not-complete') {
    if (service !== 'route53') {
      throw new Error('PriorRequestNotComplete is a Route 53 error');
    }
    return {
      status: 400,
      code: 'PriorRequestNotComplete',
      message:
        'The request was rejected because Route 53 was still processing a prior request.',
    };
  }
  switch (service) {
    case 'organizations':
      return {
        status: 400,
        code: 'TooManyRequestsException',
        message:
          "AWS Organizations can't complete your request because the request rate is too high.",
      };
    case 'sts':
    case 'iam':
    case 'route53':
      return { status: 400, code: 'Throttling', message };
    case 'eks':
      return { status: 429, code: 'ThrottlingException', message };
    default:
      return { status: 400, code: 'ThrottlingException', message };
  }
}

/** Each service's modelled server-side error, where it has one. */
const SERVER_ERROR_CODES: Record<string, { 500: string; 503: string }> = {
  organizations: { 500: 'ServiceException', 503: 'ServiceException' },
  iam: { 500: 'ServiceFailure', 503: 'ServiceFailure' },
  eks: { 500: 'ServerException', 503: 'ServiceUnavailableException' },
  backup: {
    500: 'ServiceUnavailableException',
    503: 'ServiceUnavailableException',
  },
  ssm: { 500: 'InternalServerError', 503: 'InternalServerError' },
  ecr: { 500: 'ServerException', 503: 'ServerException' },
};

/** A 5xx answer of `service`: its own server error, else AWS's common ones. */
export function serverError(service: string, status: number): AwsError {
  if (status < 500 || status > 599) {
    throw new Error(`a server error needs a 5xx status, not ${status}`);
  }
  const codes = SERVER_ERROR_CODES[service];
  const code =
    (codes && (status === 503 ? codes[503] : codes[500])) ??
    (status === 503 ? 'ServiceUnavailable' : 'InternalFailure');
  return {
    status,
    code,
    message: 'The service could not process the request; try again.',
  };
}

/**
 * What AWS answers a call it refuses: AssumeRole on a role the caller may not
 * assume, or a call with the credentials of a session that was revoked.
 */
export function accessDeniedError(service: string, message: string): AwsError {
  const protocol = protocolOf(service);
  const code =
    protocol === 'awsQuery' || protocol === 'restXml'
      ? 'AccessDenied'
      : 'AccessDeniedException';
  return { status: 403, code, message };
}

function withLength(response: WireResponse): WireResponse {
  return {
    ...response,
    headers: {
      ...response.headers,
      'content-length': String(Buffer.byteLength(response.body)),
    },
  };
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
