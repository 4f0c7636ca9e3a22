#ifndef DTEKIT_CZINT_SHIM_H
#define DTEKIT_CZINT_SHIM_H
#include <zint.h>
#endif
