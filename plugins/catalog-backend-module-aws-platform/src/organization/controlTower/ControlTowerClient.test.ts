import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ControlTowerClient, controlTowerEndpoint } from './ControlTowerClient';
import {
  GetLandingZoneCommand,
  ListLandingZonesCommand,
} from './landingZoneCommands';

// The client against a Control Tower stand-in on 127.0.0.1 (moto has no
// Control Tower): what goes over the wire, how it is signed, how answers
// and errors come back, and that throttling is retried.

type Answer = {
  status: number;
  headers?: Record<string, string>;
  body: string;
};
type Seen = {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: string;
};

let server: Server;
let answers: Answer[] = [];
let seen: Seen[] = [];
const savedEnv = { ...process.env };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', chunk => (body += chunk));
    req.on('end', () => {
      seen.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body,
      });
      const answer = answers.shift() ?? {
        status: 500,
        body: 'no answer queued',
      };
      res.writeHead(
        answer.status,
        answer.headers ?? { 'content-type': 'application/json' },
      );
      res.end(answer.body);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  process.env.AWS_ENDPOINT_URL_CONTROLTOWER = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  process.env = savedEnv;
  await new Promise(resolve => server.close(resolve));
});

beforeEach(() => {
  answers = [];
  seen = [];
});

const newClient = () =>
  new ControlTowerClient({
    region: 'eu-west-1',
    credentials: async () => ({
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'secret',
    }),
    retryMode: 'adaptive',
    maxAttempts: 3,
    customUserAgent: 'backstage-aws-platform',
  });

describe('ControlTowerClient', () => {
  it('POSTs the input as JSON to the operation path, signed for controltower, and returns the answer', async () => {
    answers.push({
      status: 200,
      headers: {
        'content-type': 'application/json',
        'x-amzn-requestid': 'req-1',
      },
      body: JSON.stringify({ landingZones: [{ arn: 'arn:lz' }] }),
    });
    const out = await newClient().send(
      new ListLandingZonesCommand({ maxResults: 1 }),
    );
    expect(out.landingZones).toEqual([{ arn: 'arn:lz' }]);
    expect(out.$metadata).toMatchObject({
      httpStatusCode: 200,
      requestId: 'req-1',
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/list-landingzones',
    });
    expect(JSON.parse(seen[0].body)).toEqual({ maxResults: 1 });
    expect(seen[0].headers['content-type']).toBe('application/json');
    expect(seen[0].headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/controltower\/aws4_request, SignedHeaders=.*host.*, Signature=[0-9a-f]{64}$/,
    );
    expect(seen[0].headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('retries a throttled call and signs the retry again', async () => {
    answers.push(
      {
        status: 429,
        headers: {
          'content-type': 'application/json',
          'x-amzn-errortype': 'ThrottlingException',
        },
        body: JSON.stringify({ message: 'Rate exceeded' }),
      },
      { status: 200, body: JSON.stringify({ landingZone: { manifest: {} } }) },
    );
    const out = await newClient().send(
      new GetLandingZoneCommand({ landingZoneIdentifier: 'arn:lz' }),
    );
    expect(out.landingZone).toEqual({ manifest: {} });
    expect(seen.map(s => s.url)).toEqual([
      '/get-landingzone',
      '/get-landingzone',
    ]);
    expect(seen[1].headers.authorization).toContain(
      '/controltower/aws4_request',
    );
  });

  it('names the error AWS sends, without retrying a client fault', async () => {
    answers.push({
      status: 403,
      headers: {
        'content-type': 'application/json',
        'x-amzn-errortype':
          'AccessDeniedException:http://internal.amazon.com/coral/',
      },
      body: JSON.stringify({ message: 'User is not authorized' }),
    });
    await expect(
      newClient().send(new ListLandingZonesCommand({})),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: 'User is not authorized',
      $fault: 'client',
      $metadata: { httpStatusCode: 403 },
    });
    expect(seen).toHaveLength(1);
  });

  it('gives an answer that is not Control Tower’s (no JSON) a name and its status', async () => {
    answers.push(
      ...Array.from({ length: 3 }, () => ({
        status: 500,
        headers: { 'content-type': 'text/html' },
        body: '<h1>Internal Server Error</h1>',
      })),
    );
    await expect(
      newClient().send(new ListLandingZonesCommand({})),
    ).rejects.toMatchObject({
      name: 'UnknownError',
      $fault: 'server',
      $metadata: { httpStatusCode: 500 },
    });
    // A server fault is retried up to maxAttempts.
    expect(seen).toHaveLength(3);
  });
});

describe('controlTowerEndpoint', () => {
  it('takes the service variable, then the global one, then the regional endpoint', () => {
    expect(String(controlTowerEndpoint('eu-west-1', {}))).toBe(
      'https://controltower.eu-west-1.amazonaws.com/',
    );
    expect(
      String(
        controlTowerEndpoint('eu-west-1', {
          AWS_ENDPOINT_URL: 'http://127.0.0.1:4566',
        }),
      ),
    ).toBe('http://127.0.0.1:4566/');
    expect(
      String(
        controlTowerEndpoint('eu-west-1', {
          AWS_ENDPOINT_URL: 'http://127.0.0.1:4566',
          AWS_ENDPOINT_URL_CONTROLTOWER: 'http://127.0.0.1:9000',
        }),
      ),
    ).toBe('http://127.0.0.1:9000/');
  });
});
