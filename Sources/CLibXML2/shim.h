#ifndef DTEKIT_CLIBXML2_SHIM_H
#define DTEKIT_CLIBXML2_SHIM_H
// Debian's libxml2 headers pull in ICU headers that clash with Foundation's own ICU module
// ("'UErrorCode' has different definitions in different modules"): read xmlversion.h first,
// switch the ICU part off, then include the rest.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/c14n.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlsave.h>
#include <libxml/encoding.h>
#include <libxml/xmlIO.h>
#endif
