import { Command } from '@smithy/core/client';
import { HttpRequest } from '@smithy/core/transport';
import type {
  Handler,
  HttpHandlerOptions,
  HttpResponse,
  MetadataBearer,
  MiddlewareStack,
} from '@smithy/types';
import type { ControlTowerResolvedConfig } from './ControlTowerClient';

/** An error Control Tower answered, shaped as the SDK's service exceptions. */
export type ControlTowerServiceError = Error & {
  $fault: 'client' | 'server';
  $metadata: { httpStatusCode: number; requestId?: string };
};

/**
 * One Control Tower operation over its REST-JSON protocol: a POST of the
 * input as JSON to the operation's path; a 2xx answer is the output, any
 * other the error AWS names (`x-amzn-errortype`, else the body's `__type`),
 * with `$metadata.httpStatusCode` so the retry strategy can tell
 * throttling (429) and server faults from the rest.
 */
export abstract class ControlTowerCommand<
  Input extends object,
  Output extends MetadataBearer,
> extends Command<Input, Output, ControlTowerResolvedConfig> {
  /** The operation's path, e.g. `/list-landingzones`. */
  protected abstract readonly path: string;

  constructor(readonly input: Input) {
    super();
  }

  resolveMiddleware(
    clientStack: MiddlewareStack<any, any>,
    config: ControlTowerResolvedConfig,
    options?: HttpHandlerOptions,
  ): Handler<Input, Output> {
    const stack = clientStack.concat(this.middlewareStack);
    // The request exists from the serialize step on, so that retries and
    // signing (finalizeRequest) see it; errors are thrown in deserialize,
    // inside the retry loop.
    stack.add(
      next => async args =>
        next({ ...args, request: this.#request(args.input as Input, config) }),
      { step: 'serialize', name: 'controlTowerSerializer' },
    );
    stack.add(
      next => async args => {
        const { response } = await next(args);
        return {
          response,
          output: await this.#parse(response as HttpResponse),
        };
      },
      { step: 'deserialize', name: 'controlTowerDeserializer' },
    );
    return stack.resolve(
      ({ request }) =>
        config.requestHandler.handle(request as HttpRequest, options ?? {}),
      {
        clientName: 'ControlTowerClient',
        commandName: this.constructor.name,
      },
    ) as Handler<Input, Output>;
  }

  #request(input: Input, config: ControlTowerResolvedConfig): HttpRequest {
    const { endpoint } = config;
    const body = JSON.stringify(input);
    return new HttpRequest({
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      port: endpoint.port ? Number(endpoint.port) : undefined,
      method: 'POST',
      path: `${endpoint.pathname.replace(/\/$/, '')}${this.path}`,
      headers: {
        host: endpoint.host,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        ...(config.customUserAgent && {
          'user-agent': config.customUserAgent,
        }),
      },
      body,
    });
  }

  async #parse(response: HttpResponse): Promise<Output> {
    const text = await readBody(response);
    const requestId = response.headers['x-amzn-requestid'];
    const $metadata = { httpStatusCode: response.statusCode, requestId };
    if (response.statusCode >= 200 && response.statusCode < 300) {
      return { ...(text ? JSON.parse(text) : {}), $metadata } as Output;
    }
    throw serviceError(response, text, $metadata);
  }
}

async function readBody(response: HttpResponse): Promise<string> {
  const body = response.body as AsyncIterable<Uint8Array> | undefined;
  if (!body || typeof body[Symbol.asyncIterator] !== 'function') return '';
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function serviceError(
  response: HttpResponse,
  text: string,
  $metadata: ControlTowerServiceError['$metadata'],
): ControlTowerServiceError {
  let parsed: { __type?: string; message?: string; Message?: string } = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch (error) {
    // Not JSON: the endpoint is not Control Tower's. Named by its status.
    if (!(error instanceof SyntaxError)) throw error;
  }
  const type =
    response.headers['x-amzn-errortype'] ?? parsed.__type ?? 'UnknownError';
  // `AccessDeniedException:http://internal.amazon.com/...` → the name.
  const name = type.split(':')[0].split('#').pop() || 'UnknownError';
  const error = new Error(
    parsed.message ?? parsed.Message ?? `HTTP ${response.statusCode}`,
  ) as ControlTowerServiceError;
  error.name = name;
  error.$fault = response.statusCode >= 500 ? 'server' : 'client';
  error.$metadata = $metadata;
  return error;
}
