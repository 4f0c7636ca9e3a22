#ifndef DTEKIT_CZBAR_SHIM_H
#define DTEKIT_CZBAR_SHIM_H
#include <zbar.h>
#endif
