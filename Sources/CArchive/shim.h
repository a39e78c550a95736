#ifndef TRAWL_CARCHIVE_SHIM_H
#define TRAWL_CARCHIVE_SHIM_H

#include <archive.h>
#include <archive_entry.h>

/* Macros Swift cannot import as-is (casts to __LA_MODE_T). */
static inline unsigned int CArchive_AE_IFMT(void) { return (unsigned int)AE_IFMT; }
static inline unsigned int CArchive_AE_IFREG(void) { return (unsigned int)AE_IFREG; }
static inline unsigned int CArchive_AE_IFDIR(void) { return (unsigned int)AE_IFDIR; }

#endif
