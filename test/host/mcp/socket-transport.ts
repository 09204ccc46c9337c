// The MCP client transport over a Unix socket that the SDK lacks: newline-delimited JSON-RPC on
// a node:net connection, framed with the SDK's own ReadBuffer and serializeMessage.
import { connect, type Socket } from 'node:net';
import {
  ReadBuffer,
  serializeMessage,
  type JSONRPCMessage,
  type Transport,
} from '@modelcontextprotocol/client';

export class SocketClientTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private readonly buffer = new ReadBuffer();
  private socket: Socket | undefined;
  private readonly path: string;
  /** A line written before any MCP message (a bridge's hello), if given. */
  private readonly opening: string | undefined;

  constructor(path: string, opening?: string) {
    this.path = path;
    this.opening = opening;
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = connect(this.path, () => {
        if (this.opening) socket.write(this.opening);
        resolve();
      });
      this.socket = socket;
      socket.once('error', reject);
      socket.on('error', (error) => this.onerror?.(error));
      socket.on('close', () => this.onclose?.());
      socket.on('data', (chunk: Buffer) => {
        this.buffer.append(chunk);
        for (let message; (message = this.buffer.readMessage());) this.onmessage?.(message);
      });
    });
  }

  async send(message: JSONRPCMessage): Promise<void> {
    this.socket?.write(serializeMessage(message));
  }

  async close(): Promise<void> {
    this.socket?.end();
  }
}
