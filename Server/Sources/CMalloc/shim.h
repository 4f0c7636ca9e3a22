// glibc's allocator settings (mallopt), for the server's long-running process.
#pragma once
#include <malloc.h>
