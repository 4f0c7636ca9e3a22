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

// libxml2 2.9 reports encoding conversion errors ("encoding error : input conversion failed",
// "I/O error : encoder error") through its generic error function, which prints to stderr even
// with XML_PARSE_NOERROR; a library must not print. These swap the calling thread's generic
// error function (thread-local in a threaded libxml2) for a silent one around a parse and put
// the previous one back. Swift cannot name a variadic C function, hence the helpers here.
static void dtekit_xml_silent(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
typedef struct { void *func; void *ctx; } dtekit_xml_error_state;
static inline dtekit_xml_error_state dtekit_xml_silence_generic_errors(void) {
    dtekit_xml_error_state saved = { (void *)xmlGenericError, xmlGenericErrorContext };
    xmlSetGenericErrorFunc(NULL, dtekit_xml_silent);
    return saved;
}
static inline void dtekit_xml_restore_generic_errors(dtekit_xml_error_state saved) {
    xmlSetGenericErrorFunc(saved.ctx, (xmlGenericErrorFunc)saved.func);
}
#endif
