#ifndef TRAWL_CPFF_SHIM_H
#define TRAWL_CPFF_SHIM_H

#include <libpff.h>

/* MAPI property value types (MS-OXCDATA 2.11.1), not named in libpff's headers. */
/* LIBPFF_OPEN_READ is a macro over an enum member. */
static inline int CPFF_OPEN_READ(void) { return LIBPFF_OPEN_READ; }

static inline uint32_t CPFF_VALUE_TYPE_INTEGER_32(void) { return 0x0003; }
static inline uint32_t CPFF_VALUE_TYPE_STRING_ASCII(void) { return 0x001e; }
static inline uint32_t CPFF_VALUE_TYPE_STRING_UNICODE(void) { return 0x001f; }

/* PidTagPstPassword: the CRC-32 of the store password, 0 or absent when none is set. */
static inline uint32_t CPFF_ENTRY_TYPE_PST_PASSWORD(void) { return 0x67ff; }

#endif
