/**
 * @module Elections core
 * The database-free heart of secret-ballot elections: definitions, ballots, receipt codes, the
 * ballot box hash chain, the tally, the public record and its verifier. The database-backed
 * elections module and the standalone verifier (`npm run verify-election`) both build on this.
 * See docs/decisions/0101, docs/decisions/0102 and docs/elections-security.md.
 */
export * from './types.js';
export { ID_PATTERN, isValidId, quorumVotes, validateDefinition, type DefinitionCheck } from './definition.js';
export { validateBallot, canonicalBallot, sortedChoices, compareIds } from './ballot.js';
export { newReceiptCode, isReceiptCode, normalizeReceipt, receiptKey, RECEIPT_ALPHABET, RECEIPT_PATTERN } from './receipt.js';
export { GENESIS, HASH_PATTERN, sha256Hex, linkHash, chainHash, appendBallot, findChainBreak } from './chain.js';
export { tally, countBallots, decideResult, emptyCounts, type TallyOptions, type RawCounts } from './tally.js';
export {
  CHAIN_SPEC,
  definitionFingerprint,
  buildRecord,
  serializeRecord,
  verifyRecord,
  diffResults,
  findReceipt,
  type ReceiptLookup,
} from './record.js';
