#include "CP3DNScan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static inline size_t flatten(uint64_t bits, size_t block, int32_t *out) {
  size_t found = (size_t)__builtin_popcountll(bits);
  // Eight offsets whatever the count (those past `found` are overwritten later), so that
  // a block costs no branch unless it holds more than eight stops.
  for (int slot = 0; slot < 8; slot++) {
    out[slot] = (int32_t)(block + (size_t)__builtin_ctzll(bits | 0x8000000000000000ULL));
    bits &= bits - 1;
  }
  if (found > 8) {
    size_t slot = 8;
    while (bits) {
      out[slot++] = (int32_t)(block + (size_t)__builtin_ctzll(bits));
      bits &= bits - 1;
    }
  }
  return found;
}

static inline int is_stop(uint8_t byte, uint8_t delimiter, uint8_t escape) {
  return byte == '"' || byte == delimiter || byte == '\n' || byte == '\r' || byte == escape;
}

size_t p3dn_index_stops(const uint8_t *bytes, size_t from, size_t to, uint8_t delimiter,
                        uint8_t escape, int32_t *out) {
  size_t count = 0;
  size_t block = from;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i carriage = _mm_set1_epi8('\r');
  const __m128i delim = _mm_set1_epi8((char)delimiter);
  const __m128i esc = _mm_set1_epi8((char)escape);
  for (; block + 64 <= to; block += 64) {
    uint64_t bits = 0;
    for (int part = 0; part < 4; part++) {
      __m128i v = _mm_loadu_si128((const __m128i *)(bytes + block + 16 * part));
      __m128i m = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, delim)),
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, carriage)),
                       _mm_cmpeq_epi8(v, esc)));
      bits |= (uint64_t)(uint16_t)_mm_movemask_epi8(m) << (16 * part);
    }
    count += flatten(bits, block, out + count);
  }
#else
  for (; block + 64 <= to; block += 64) {
    uint64_t bits = 0;
    for (int index = 0; index < 64; index++) {
      bits |= (uint64_t)is_stop(bytes[block + index], delimiter, escape) << index;
    }
    count += flatten(bits, block, out + count);
  }
#endif
  for (; block < to; block++) {
    if (is_stop(bytes[block], delimiter, escape)) out[count++] = (int32_t)block;
  }
  return count;
}
