// The target needs one C file; everything it offers is in include/COpenBLAS.h.
#include "COpenBLAS.h"
