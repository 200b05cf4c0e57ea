/**
 * @module Line-true TypeScript loader for profiles
 * `node --import ./bench/lines-loader.mjs src/main.ts` runs the app's TypeScript as tsx does, but transpiled with its
 * lines kept (bench/lines-hooks.mjs), so that a CPU profile's lines are the source's. `npm run bench -- --profile DIR`
 * starts the app with it.
 */
import { register } from 'node:module';

register('./lines-hooks.mjs', import.meta.url);
