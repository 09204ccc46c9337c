// Reads a request body into memory up to a size cap, so one oversized request cannot exhaust
// the process; a bigger body is refused with LIMIT before it is buffered.
import type { IncomingMessage } from 'node:http';
import { AppError } from '../../shared/errors.ts';

function tooLarge(limitBytes: number): AppError {
  const megabytes = (limitBytes / (1024 * 1024)).toFixed(0);
  return new AppError(
    'LIMIT',
    `The request body is larger than ${megabytes} MB; send less data per call (e.g. import a project in parts).`,
    {
      limit_bytes: limitBytes,
    },
  );
}

export function readBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limitBytes) return Promise.reject(tooLarge(limitBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        request.off('data', onData);
        reject(tooLarge(limitBytes));
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}
