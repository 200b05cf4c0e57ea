/**
 * Test support: a tiny SMTP server on node:net that keeps what it accepts. `mode` decides the answer to
 * each message: accept (250), reject (550, a permanent refusal nodemailer reports as an error), or stall
 * (never answers the end of DATA: the sender waits, as when a process is killed mid-send).
 */
import { createServer, type Server, type Socket } from 'node:net';

export interface SinkMessage {
  from: string;
  to: string[];
  data: string;
}

export class SmtpSink {
  /** Messages answered 250. */
  accepted: SinkMessage[] = [];
  /** Messages whose DATA arrived, whatever the answer. */
  received: SinkMessage[] = [];
  mode: 'accept' | 'reject' | 'stall' = 'accept';
  private server: Server;
  private sockets = new Set<Socket>();

  constructor(public port: number) {
    this.server = createServer((socket) => this.session(socket));
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  listen() {
    return new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  close() {
    for (const s of this.sockets) s.destroy();
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private session(socket: Socket) {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => {});
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let msg: SinkMessage = { from: '', to: [], data: '' };
    const reply = (line: string) => socket.writable && socket.write(`${line}\r\n`);
    reply('220 sink ESMTP');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          msg.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          this.received.push(msg);
          if (this.mode === 'accept') {
            this.accepted.push(msg);
            reply('250 OK queued');
          } else if (this.mode === 'reject') reply('550 mailbox unavailable');
          // stall: no answer at all
          msg = { from: '', to: [], data: '' };
          continue;
        }
        const nl = buffer.indexOf('\r\n');
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO' || cmd === 'HELO') reply('250 sink');
        else if (cmd === 'MAIL') {
          msg.from = line.slice(10);
          reply('250 OK');
        } else if (cmd === 'RCPT') {
          msg.to.push(line.replace(/^RCPT TO:\s*<?([^>]*)>?.*$/i, '$1'));
          reply('250 OK');
        } else if (cmd === 'DATA') {
          inData = true;
          reply('354 go ahead');
        } else if (cmd === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else if (cmd === 'RSET' || cmd === 'NOOP') reply('250 OK');
        else reply('502 not implemented');
      }
    });
  }
}
