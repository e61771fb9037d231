/**
 * Stands in for `node:zlib` in the web build (vite.web.config.mts). just-bash's browser bundle
 * imports it for gzip, gunzip and zcat only; in the browser those commands fail with this message
 * instead of the whole interpreter failing to load.
 */
function unavailable(): never {
  throw new Error('compression is not available in the web version of Quai')
}

export const gzipSync = unavailable
export const gunzipSync = unavailable
export const constants = {
  Z_NO_COMPRESSION: 0,
  Z_BEST_SPEED: 1,
  Z_BEST_COMPRESSION: 9,
  Z_DEFAULT_COMPRESSION: -1,
}
