#ifndef TRAWL_CPCRE2_SHIM_H
#define TRAWL_CPCRE2_SHIM_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Macros and constants Swift cannot import as-is. */
static inline size_t CPCRE2_ZERO_TERMINATED(void) { return PCRE2_ZERO_TERMINATED; }
static inline size_t CPCRE2_UNSET(void) { return PCRE2_UNSET; }
static inline int CPCRE2_ERROR_NOMATCH(void) { return PCRE2_ERROR_NOMATCH; }

#endif
