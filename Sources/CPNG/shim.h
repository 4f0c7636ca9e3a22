#ifndef DTEKIT_CPNG_SHIM_H
#define DTEKIT_CPNG_SHIM_H
#include <png.h>
#endif
