#include "CP3DNScan.h"

#include <string.h>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

// The masks of one 64-byte block, read from `p` (64 readable bytes).
typedef void (*masks_fn)(const uint8_t *p, uint8_t delimiter, uint8_t escape, p3dn_block_masks *m);

#if !defined(__x86_64__)
static inline __attribute__((always_inline)) void masks_scalar(const uint8_t *p, uint8_t delimiter,
                                                               uint8_t escape, p3dn_block_masks *m) {
  uint64_t quote = 0, stop = 0, newline = 0;
  for (int index = 0; index < 64; index++) {
    uint8_t byte = p[index];
    quote |= (uint64_t)(byte == '"' || byte == escape) << index;
    stop |= (uint64_t)(byte == delimiter || byte == '\n' || byte == '\r') << index;
    newline |= (uint64_t)(byte == '\n') << index;
  }
  m->quote = quote;
  m->stop = stop;
  m->newline = newline;
}
#endif

#if defined(__x86_64__)
static inline __attribute__((always_inline)) void masks_sse2(const uint8_t *p, uint8_t delimiter,
                                                             uint8_t escape, p3dn_block_masks *m) {
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i esc = _mm_set1_epi8((char)escape);
  const __m128i delim = _mm_set1_epi8((char)delimiter);
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  uint64_t q = 0, s = 0, n = 0;
  for (int part = 0; part < 4; part++) {
    __m128i v = _mm_loadu_si128((const __m128i *)(p + 16 * part));
    __m128i isLF = _mm_cmpeq_epi8(v, lf);
    __m128i isQuote = _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, esc));
    __m128i isStop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, delim), isLF), _mm_cmpeq_epi8(v, cr));
    q |= (uint64_t)(uint16_t)_mm_movemask_epi8(isQuote) << (16 * part);
    s |= (uint64_t)(uint16_t)_mm_movemask_epi8(isStop) << (16 * part);
    n |= (uint64_t)(uint16_t)_mm_movemask_epi8(isLF) << (16 * part);
  }
  m->quote = q;
  m->stop = s;
  m->newline = n;
}

__attribute__((target("avx2"))) static inline void masks_avx2(const uint8_t *p, uint8_t delimiter,
                                                               uint8_t escape, p3dn_block_masks *m) {
  const __m256i quote = _mm256_set1_epi8('"');
  const __m256i esc = _mm256_set1_epi8((char)escape);
  const __m256i delim = _mm256_set1_epi8((char)delimiter);
  const __m256i lf = _mm256_set1_epi8('\n');
  const __m256i cr = _mm256_set1_epi8('\r');
  uint64_t q = 0, s = 0, n = 0;
  for (int part = 0; part < 2; part++) {
    __m256i v = _mm256_loadu_si256((const __m256i *)(p + 32 * part));
    __m256i isLF = _mm256_cmpeq_epi8(v, lf);
    __m256i isQuote = _mm256_or_si256(_mm256_cmpeq_epi8(v, quote), _mm256_cmpeq_epi8(v, esc));
    __m256i isStop =
        _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, delim), isLF), _mm256_cmpeq_epi8(v, cr));
    q |= (uint64_t)(uint32_t)_mm256_movemask_epi8(isQuote) << (32 * part);
    s |= (uint64_t)(uint32_t)_mm256_movemask_epi8(isStop) << (32 * part);
    n |= (uint64_t)(uint32_t)_mm256_movemask_epi8(isLF) << (32 * part);
  }
  m->quote = q;
  m->stop = s;
  m->newline = n;
}

__attribute__((target("avx512bw"))) static inline void masks_avx512(const uint8_t *p, uint8_t delimiter,
                                                                     uint8_t escape, p3dn_block_masks *m) {
  __m512i v = _mm512_loadu_si512((const void *)p);
  uint64_t n = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\n'));
  m->quote = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('"')) |
             _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8((char)escape));
  m->stop = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8((char)delimiter)) | n |
            _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\r'));
  m->newline = n;
}
#endif

// Makes `m` hold the masks of the block at `block`. Bytes past `end` read as zero (no stop).
static inline __attribute__((always_inline)) void load_block(const uint8_t *bytes, ptrdiff_t block,
                                                             ptrdiff_t end, uint8_t delimiter,
                                                             uint8_t escape, p3dn_block_masks *m,
                                                             masks_fn compute) {
  if (m->block == block) return;
  if (block + 64 <= end) {
    compute(bytes + block, delimiter, escape, m);
  } else {
    uint8_t padded[64];
    memset(padded, 0, sizeof padded);
    memcpy(padded, bytes + block, (size_t)(end - block));
    compute(padded, delimiter, escape, m);
  }
  m->block = block;
}

// The first position at or after `from` whose bit is set in the masks chosen by `which`
// (0: quote, 1: stop), or -1 when there is none before `end`.
static inline __attribute__((always_inline)) ptrdiff_t find(const uint8_t *bytes, ptrdiff_t from,
                                                            ptrdiff_t end, uint8_t delimiter,
                                                            uint8_t escape, p3dn_block_masks *m,
                                                            masks_fn compute, int which) {
  if (from >= end) return -1;
  ptrdiff_t block = from & ~(ptrdiff_t)63;
  load_block(bytes, block, end, delimiter, escape, m, compute);
  uint64_t bits = (which ? m->stop : m->quote) & (~0ULL << (from - block));
  while (bits == 0) {
    block += 64;
    if (block >= end) return -1;
    load_block(bytes, block, end, delimiter, escape, m, compute);
    bits = which ? m->stop : m->quote;
  }
  return block + __builtin_ctzll(bits);
}

// Line feeds in `from..<to` (to <= end).
static inline __attribute__((always_inline)) ptrdiff_t count_newlines(const uint8_t *bytes, ptrdiff_t from,
                                                                      ptrdiff_t to, ptrdiff_t end,
                                                                      uint8_t delimiter, uint8_t escape,
                                                                      p3dn_block_masks *m,
                                                                      masks_fn compute) {
  ptrdiff_t count = 0;
  ptrdiff_t block = from & ~(ptrdiff_t)63;
  while (block < to) {
    load_block(bytes, block, end, delimiter, escape, m, compute);
    uint64_t bits = m->newline;
    if (from > block) bits &= ~0ULL << (from - block);
    if (to < block + 64) bits &= (1ULL << (to - block)) - 1;
    count += __builtin_popcountll(bits);
    block += 64;
  }
  return count;
}

static inline __attribute__((always_inline)) ptrdiff_t
scan_local(const uint8_t *bytes, ptrdiff_t from, ptrdiff_t end, uint8_t delimiter, uint8_t escape,
           p3dn_span *fields, ptrdiff_t capacity, p3dn_block_masks *m, ptrdiff_t *next,
           ptrdiff_t *line_breaks, int *any_escaped, masks_fn compute) {
  const int doubled = escape == '"';
  if (from >= end) return -1;
  ptrdiff_t count = 0;
  ptrdiff_t breaks = 0;
  int any = 0;
  // The field ends not yet passed in the current block, as bits.
  ptrdiff_t block = from & ~(ptrdiff_t)63;
  load_block(bytes, block, end, delimiter, escape, m, compute);
  uint64_t stops = m->stop & (~0ULL << (from - block));
  ptrdiff_t start = from;
  for (;;) {
    if (count == capacity || start >= end) return -1;
    p3dn_span *field = fields + count;
    ptrdiff_t at;
    if (bytes[start] == '"') {
      const ptrdiff_t content = start + 1;
      ptrdiff_t cursor = content;
      ptrdiff_t escaped = 0;
      for (;;) {
        at = find(bytes, cursor, end, delimiter, escape, m, compute, 0);
        if (at < 0 || at + 1 >= end) return -1;
        uint8_t after = bytes[at + 1];
        if (!doubled && bytes[at] == escape) {
          cursor = at + ((after == '"' || after == escape) ? 2 : 1);
          escaped |= after == '"' || after == escape;
          continue;
        }
        if (doubled && after == '"') {
          escaped = 1;
          cursor = at + 2;
          continue;
        }
        if (after == delimiter || after == '\n' || after == '\r') break;
        return -1;
      }
      field->start = content;
      field->end = at;
      field->escaped = escaped;
      any |= (int)escaped;
      breaks += count_newlines(bytes, content, at, end, delimiter, escape, m, compute);
      // The field ends at the byte after the closing quote: the next stop from there on.
      at += 1;
      block = at & ~(ptrdiff_t)63;
      load_block(bytes, block, end, delimiter, escape, m, compute);
      stops = m->stop & (~0ULL << (at - block));
    } else {
      while (stops == 0) {
        block += 64;
        if (block >= end) return -1;
        load_block(bytes, block, end, delimiter, escape, m, compute);
        stops = m->stop;
      }
      at = block + __builtin_ctzll(stops);
      field->start = start;
      field->end = at;
      field->escaped = 0;
    }
    stops &= stops - 1;
    count += 1;
    uint8_t byte = bytes[at];
    if (byte == delimiter) {
      start = at + 1;
      continue;
    }
    if (byte == '\n') {
      *next = at + 1;
    } else {
      if (at + 1 >= end) return -1;
      *next = bytes[at + 1] == '\n' ? at + 2 : at + 1;
    }
    *line_breaks = breaks + 1;
    *any_escaped = any;
    return count;
  }
}

// The masks are worked on in a local copy, so that the stores of the fields (which may
// alias the caller's copy) do not force them back to memory at every step.
static inline __attribute__((always_inline)) ptrdiff_t
scan(const uint8_t *bytes, ptrdiff_t from, ptrdiff_t end, uint8_t delimiter, uint8_t escape,
     p3dn_span *fields, ptrdiff_t capacity, p3dn_block_masks *m, ptrdiff_t *next,
     ptrdiff_t *line_breaks, int *any_escaped, masks_fn compute) {
  p3dn_block_masks local = *m;
  ptrdiff_t result = scan_local(bytes, from, end, delimiter, escape, fields, capacity, &local, next,
                                line_breaks, any_escaped, compute);
  *m = local;
  return result;
}

ptrdiff_t p3dn_scan_record_portable(const uint8_t *bytes, ptrdiff_t from, ptrdiff_t end, uint8_t delimiter,
                               uint8_t escape, p3dn_span *fields, ptrdiff_t capacity,
                               p3dn_block_masks *m, ptrdiff_t *next, ptrdiff_t *line_breaks, int *any_escaped) {
#if defined(__x86_64__)
  return scan(bytes, from, end, delimiter, escape, fields, capacity, m, next, line_breaks, any_escaped, masks_sse2);
#else
  return scan(bytes, from, end, delimiter, escape, fields, capacity, m, next, line_breaks, any_escaped, masks_scalar);
#endif
}

#if defined(__x86_64__)
__attribute__((target("avx512bw"))) static ptrdiff_t
scan_avx512(const uint8_t *bytes, ptrdiff_t from, ptrdiff_t end, uint8_t delimiter, uint8_t escape,
            p3dn_span *fields, ptrdiff_t capacity, p3dn_block_masks *m, ptrdiff_t *next,
            ptrdiff_t *line_breaks, int *any_escaped) {
  return scan(bytes, from, end, delimiter, escape, fields, capacity, m, next, line_breaks, any_escaped, masks_avx512);
}

__attribute__((target("avx2"))) static ptrdiff_t
scan_avx2(const uint8_t *bytes, ptrdiff_t from, ptrdiff_t end, uint8_t delimiter, uint8_t escape,
          p3dn_span *fields, ptrdiff_t capacity, p3dn_block_masks *m, ptrdiff_t *next,
          ptrdiff_t *line_breaks, int *any_escaped) {
  return scan(bytes, from, end, delimiter, escape, fields, capacity, m, next, line_breaks, any_escaped, masks_avx2);
}

// The widest vector masks that the processor and the operating system support: 3 for
// AVX-512BW (XCR0 also saving the opmask and upper registers, bits 5 to 7), 2 for AVX2
// (XCR0 bits 1 and 2), else 1.
static int best_path(void) {
  unsigned int eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || !(ecx & (1u << 27))) return 1;
  unsigned int low, high;
  __asm__("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
  if ((low & 0x6) != 0x6) return 1;
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 1;
  if ((low & 0xE6) == 0xE6 && (ebx & (1u << 16)) && (ebx & (1u << 30))) return 3;
  return (ebx & (1u << 5)) ? 2 : 1;
}

// 0: not chosen yet. Every thread that chooses finds the same.
static volatile int chosen = 0;
#endif

ptrdiff_t p3dn_scan_record(const uint8_t *bytes, ptrdiff_t from, ptrdiff_t end, uint8_t delimiter,
                           uint8_t escape, p3dn_span *fields, ptrdiff_t capacity,
                           p3dn_block_masks *masks, ptrdiff_t *next, ptrdiff_t *line_breaks, int *any_escaped) {
#if defined(__x86_64__)
  int path = chosen;
  if (path == 0) {
    path = best_path();
    chosen = path;
  }
  if (path == 3) {
    return scan_avx512(bytes, from, end, delimiter, escape, fields, capacity, masks, next, line_breaks, any_escaped);
  }
  if (path == 2) {
    return scan_avx2(bytes, from, end, delimiter, escape, fields, capacity, masks, next, line_breaks, any_escaped);
  }
#endif
  return p3dn_scan_record_portable(bytes, from, end, delimiter, escape, fields, capacity, masks, next, line_breaks, any_escaped);
}
