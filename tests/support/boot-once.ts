/** Boots dialogo once (migrations + first-start seed) in its own process and prints what happened as JSON. */
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { boot } from '../../src/boot.js';

const config = loadConfig(process.env);
const booted = await boot(config, { log: pino({ level: 'silent' }) });
console.log(JSON.stringify({ firstAdmin: !!booted.firstAdmin }));
await booted.handle.close();
