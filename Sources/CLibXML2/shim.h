#ifndef PILOTEVAL_CLIBXML2_SHIM_H
#define PILOTEVAL_CLIBXML2_SHIM_H

// The only place libxml2's headers are visible to Swift.
// xmlversion.h first, then switch off ICU: Debian builds libxml2 with ICU and
// its headers clash with Foundation's own ICU module on a clean build.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/HTMLparser.h>

/// xmlFree is a global function-pointer variable; Swift 6 treats it as shared
/// mutable state, so it is called through this function instead.
static inline void piloteval_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
