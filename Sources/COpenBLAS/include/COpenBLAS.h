// C shim for OpenBLAS (Debian's libopenblas-dev): the CBLAS interface the sentence encoder
// uses (cblas_sgemm) and the thread-count control (Docs/language-model.md).
#pragma once
#include <cblas.h>

/// Threads OpenBLAS may use (OpenBLAS's own call, declared in its cblas.h).
static inline void strata_blas_set_threads(int count) { openblas_set_num_threads(count); }
static inline int strata_blas_threads(void) { return openblas_get_num_threads(); }
