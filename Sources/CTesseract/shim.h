#ifndef DTEKIT_CTESSERACT_SHIM_H
#define DTEKIT_CTESSERACT_SHIM_H
#include <tesseract/capi.h>
#endif
