#ifndef DTEKIT_CHEIF_SHIM_H
#define DTEKIT_CHEIF_SHIM_H
// libheif (HEVC through libde265): HEIC photos, the iPhone camera's default format.
#include <libheif/heif.h>
#endif
