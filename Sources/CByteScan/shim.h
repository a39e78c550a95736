#ifndef TRAWL_BYTESCAN_H
#define TRAWL_BYTESCAN_H

/* Sixteen-byte classifiers for the hot scanning loops, header-only so that the Swift
 * compiler inlines them. SSE2 is part of every x86-64 CPU; other targets get the same
 * answer from a byte loop. Bit k of a result describes byte p[k]. */

#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Bytes that may start a capital letter: A-Z, the two-byte leads 0xC4..0xD0 (Latin
 * Extended-A, Greek, Cyrillic capitals are checked by the caller), and 0xC3 only when the
 * next byte is 0x80..0x9E (Latin-1 capitals, plus the sign at 0x97 the caller refuses).
 * Reads p[0..16] (seventeen bytes). */
static inline uint32_t trawl_capital_starts16(const uint8_t *p) {
#if defined(__SSE2__)
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i next = _mm_loadu_si128((const __m128i *)(p + 1));
    /* x in [lo, lo+n) as a signed compare: x + (0x80 - lo) < -128 + n. */
    __m128i upper = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - 0x41))), _mm_set1_epi8((char)(-128 + 26)));
    __m128i lead = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - 0xC4))), _mm_set1_epi8((char)(-128 + 13)));
    __m128i c3 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC3));
    __m128i latin1 = _mm_cmplt_epi8(_mm_add_epi8(next, _mm_set1_epi8((char)(0x80 - 0x80))), _mm_set1_epi8((char)(-128 + 31)));
    __m128i any = _mm_or_si128(_mm_or_si128(upper, lead), _mm_and_si128(c3, latin1));
    return (uint32_t)_mm_movemask_epi8(any);
#else
    uint32_t m = 0;
    for (int k = 0; k < 16; k++) {
        uint8_t b = p[k], c = p[k + 1];
        if ((uint8_t)(b - 0x41) < 26 || (uint8_t)(b - 0xC4) < 13 || (b == 0xC3 && c >= 0x80 && c <= 0x9E)) m |= 1u << k;
    }
    return m;
#endif
}

#endif
