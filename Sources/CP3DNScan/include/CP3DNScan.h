#ifndef CP3DNSCAN_H
#define CP3DNSCAN_H

#include <stddef.h>
#include <stdint.h>

/// One field of a record: bytes `start..<end` of the buffer; `escaped` is nonzero when the
/// field was quoted and holds escaped quotes still to be resolved.
typedef struct {
  ptrdiff_t start;
  ptrdiff_t end;
  ptrdiff_t escaped;
} p3dn_span;

/// The bit masks of the 64-byte block of the buffer that starts at `block` (-1: none yet):
/// which bytes are quotes or the escape byte, which end an unquoted field (the delimiter,
/// line feed, carriage return), and which are line feeds. Valid while the buffer's bytes
/// from `block` on do not change.
typedef struct {
  ptrdiff_t block;
  uint64_t quote;
  uint64_t stop;
  uint64_t newline;
} p3dn_block_masks;

/// Scans the record that starts at `from` in `bytes[0..<end]` with 64-byte bit masks.
/// Returns its number of fields, written to `fields`, and sets `*next` (where the next
/// record starts) and `*line_breaks` (line feeds consumed, its terminator included); or
/// returns -1 when the record is not one this fast path reads exactly: it reaches the end
/// of the buffer, it has more than `capacity` fields, or a quote stands where a quoted
/// field cannot close (blanks or text after a closing quote). The caller then reads that
/// record with the general scanner. `escape` is the quote (`""` escapes) or the backslash.
ptrdiff_t p3dn_scan_record(const uint8_t *bytes, ptrdiff_t from, ptrdiff_t end, uint8_t delimiter,
                           uint8_t escape, p3dn_span *fields, ptrdiff_t capacity,
                           p3dn_block_masks *masks, ptrdiff_t *next, ptrdiff_t *line_breaks, int *any_escaped);

/// The same scan without the AVX-512 masks (what other processors run), for tests.
ptrdiff_t p3dn_scan_record_portable(const uint8_t *bytes, ptrdiff_t from, ptrdiff_t end,
                                    uint8_t delimiter, uint8_t escape, p3dn_span *fields,
                                    ptrdiff_t capacity, p3dn_block_masks *masks, ptrdiff_t *next,
                                    ptrdiff_t *line_breaks, int *any_escaped);

#endif
