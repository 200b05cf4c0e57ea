/** The baseline: a raw node:http "hello" server, measured in the same run as the app. */
import { createServer } from 'node:http';
const port = Number(process.argv[2] ?? 3999);
createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('hello');
}).listen(port, '127.0.0.1', () => process.send?.('ready'));
