/** @module Events: the facts about a reader the policy needs — their place among the bodies (bodies module). */
export { readerBodies as readerFacts, pageReaderBodies as pageReaderFacts } from '../bodies/index.js';
