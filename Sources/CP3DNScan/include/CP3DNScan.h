#ifndef CP3DNSCAN_H
#define CP3DNSCAN_H

#include <stddef.h>
#include <stdint.h>

/// Writes to `out` the offsets (from `bytes`) of every byte in `from..<to` that is a quote,
/// `delimiter`, a line feed, a carriage return or `escape`, in order, and returns how many.
/// `out` must have room for `to - from + 64` offsets (whole blocks are written ahead).
size_t p3dn_index_stops(const uint8_t *bytes, size_t from, size_t to, uint8_t delimiter,
                        uint8_t escape, int32_t *out);

#endif
