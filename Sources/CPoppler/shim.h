#ifndef DTEKIT_CPOPPLER_SHIM_H
#define DTEKIT_CPOPPLER_SHIM_H
// poppler-glib: PDF uploads of ID scans are rendered page by page to cairo image surfaces.
#include <poppler.h>
#include <cairo.h>
#endif
