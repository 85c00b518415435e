import { gzipSync, constants } from 'node:zlib';
import { StatusList } from './status-list.js';

/**
 * The `encodedList` of a list (Bitstring Generation Algorithm, §3.3): the GZIP of the bitstring,
 * base64url-encoded without padding, with the multibase prefix `u`.
 */
export const encodeStatusList = (list: StatusList): string => {
  if (!(list instanceof StatusList)) throw new TypeError('"list" must be a StatusList.');
  const compressed = gzipSync(list.bitstring, { level: constants.Z_BEST_COMPRESSION });
  return `u${compressed.toString('base64url')}`;
};
