/*
 * gvc_openblas: a small N-API addon exposing OpenBLAS/LAPACK to gvc's LinalgBackend.
 *
 * All matrices cross the boundary as row-major Float64Arrays. LAPACK is column-major, so a
 * row-major n x n buffer IS the column-major A^T; the routines below work on that transpose
 * instead of copying:
 *   inverse: factor A^T = P L U (dgetrf), invert in place (dgetri) -> inv(A^T) column-major,
 *            which is inv(A) row-major.
 *   solve:   A X = B  <=>  X^T A^T = B^T. Row-major B (n x k) is column-major B^T (k x n), so
 *            with A^T = P L U:  X^T = B^T U^-1 L^-1 P^T, two right-side dtrsm calls and column
 *            swaps on the output buffer.
 * Singularity: dgetrf info > 0, or any pivot |u_kk| <= n * eps * max|A| (the same rule as the
 * pure-TS backend), throws an Error with code "GVC_SINGULAR" and a numeric `pivot` (1-based).
 *
 * Prototypes are declared here rather than taken from cblas.h/lapacke.h, whose location differs
 * between the openblas-pthread/openmp/serial variants; cblas enums are plain ints in the ABI.
 */
#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <node_api.h>

enum { RowMajor = 101, ColMajor = 102 };
enum { NoTrans = 111, Trans = 112 };
enum { Upper = 121, Lower = 122 };
enum { NonUnit = 131, Unit = 132 };
enum { Left = 141, Right = 142 };

void cblas_dgemm(int order, int transa, int transb, int m, int n, int k, double alpha,
                 const double *a, int lda, const double *b, int ldb, double beta, double *c, int ldc);
void cblas_dtrsm(int order, int side, int uplo, int transa, int diag, int m, int n, double alpha,
                 const double *a, int lda, double *b, int ldb);
void dgetrf_(const int *m, const int *n, double *a, const int *lda, int *ipiv, int *info);
void dgetri_(const int *n, double *a, const int *lda, const int *ipiv, double *work, const int *lwork,
             int *info);
void openblas_set_num_threads(int n);
int openblas_get_num_threads(void);
char *openblas_get_config(void);

#define CHECK(env, call)                                                   \
  do {                                                                     \
    if ((call) != napi_ok) {                                               \
      napi_throw_error((env), "GVC_NAPI", "N-API call failed: " #call);    \
      return NULL;                                                         \
    }                                                                      \
  } while (0)

/* Read argument i as a Float64Array; returns false (with a pending TypeError) otherwise. */
static bool arg_f64(napi_env env, napi_value v, const char *what, double **data, size_t *len) {
  bool is_ta = false;
  napi_typedarray_type type;
  napi_value ab;
  size_t offset;
  if (napi_is_typedarray(env, v, &is_ta) != napi_ok || !is_ta ||
      napi_get_typedarray_info(env, v, &type, len, (void **)data, &ab, &offset) != napi_ok ||
      type != napi_float64_array) {
    napi_throw_type_error(env, "GVC_ARG", what);
    return false;
  }
  return true;
}

/* Read a non-negative int32 that fits a LAPACK int. */
static bool arg_int(napi_env env, napi_value v, const char *what, int *out) {
  int32_t x;
  if (napi_get_value_int32(env, v, &x) != napi_ok || x < 0) {
    napi_throw_type_error(env, "GVC_ARG", what);
    return false;
  }
  *out = x;
  return true;
}

/* A new zero-filled Float64Array of len elements; *data points at its storage. */
static napi_value new_f64(napi_env env, size_t len, double **data) {
  napi_value ab, ta;
  if (napi_create_arraybuffer(env, len * sizeof(double), (void **)data, &ab) != napi_ok ||
      napi_create_typedarray(env, napi_float64_array, len, ab, 0, &ta) != napi_ok) {
    napi_throw_range_error(env, "GVC_ALLOC", "could not allocate the result array");
    return NULL;
  }
  return ta;
}

static napi_value throw_singular(napi_env env, int pivot, int n) {
  napi_value msg, code, err, pv;
  char text[128];
  snprintf(text, sizeof text, "matrix is singular to working precision at pivot %d of %d", pivot, n);
  if (napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &msg) == napi_ok &&
      napi_create_string_utf8(env, "GVC_SINGULAR", NAPI_AUTO_LENGTH, &code) == napi_ok &&
      napi_create_error(env, code, msg, &err) == napi_ok &&
      napi_create_int32(env, pivot, &pv) == napi_ok &&
      napi_set_named_property(env, err, "pivot", pv) == napi_ok) {
    napi_throw(env, err);
  } else {
    napi_throw_error(env, "GVC_SINGULAR", text);
  }
  return NULL;
}

static double max_abs(const double *a, size_t len) {
  double m = 0;
  for (size_t i = 0; i < len; i++) {
    double v = fabs(a[i]);
    if (v > m || v != v) m = v; /* NaN propagates so the matrix is reported singular */
  }
  return m;
}

/* LU-factor the n x n column-major buffer lu in place; returns the first bad pivot (1-based) or 0. */
static int lu_factor(double *lu, int n, int *ipiv, double amax) {
  int info = 0;
  dgetrf_(&n, &n, lu, &n, ipiv, &info);
  if (info < 0) return -1;
  const double tol = (double)n * DBL_EPSILON * amax;
  for (int k = 0; k < n; k++) {
    if (!(fabs(lu[(size_t)k * n + k]) > tol)) return k + 1;
  }
  return info; /* 0 here, or a zero pivot that the tolerance already caught */
}

/* gemm(a, aRows, aCols, b, bRows, bCols, transA, transB) -> op(A) op(B), row-major. */
static napi_value Gemm(napi_env env, napi_callback_info info) {
  size_t argc = 8;
  napi_value argv[8];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 8) {
    napi_throw_type_error(env, "GVC_ARG", "gemm expects 8 arguments");
    return NULL;
  }
  double *a, *b, *c;
  size_t alen, blen;
  int ar, ac, br, bc;
  bool ta, tb;
  if (!arg_f64(env, argv[0], "gemm: a must be a Float64Array", &a, &alen) ||
      !arg_int(env, argv[1], "gemm: bad aRows", &ar) || !arg_int(env, argv[2], "gemm: bad aCols", &ac) ||
      !arg_f64(env, argv[3], "gemm: b must be a Float64Array", &b, &blen) ||
      !arg_int(env, argv[4], "gemm: bad bRows", &br) || !arg_int(env, argv[5], "gemm: bad bCols", &bc))
    return NULL;
  CHECK(env, napi_get_value_bool(env, argv[6], &ta));
  CHECK(env, napi_get_value_bool(env, argv[7], &tb));
  const int m = ta ? ac : ar, k = ta ? ar : ac;
  const int k2 = tb ? bc : br, n = tb ? br : bc;
  if (alen != (size_t)ar * ac || blen != (size_t)br * bc || k != k2) {
    napi_throw_range_error(env, "GVC_SHAPE", "gemm: shapes do not conform");
    return NULL;
  }
  napi_value out = new_f64(env, (size_t)m * n, &c);
  if (!out) return NULL;
  if (m == 0 || n == 0 || k == 0) return out;
  cblas_dgemm(RowMajor, ta ? Trans : NoTrans, tb ? Trans : NoTrans, m, n, k, 1.0, a, ac, b, bc, 0.0, c, n);
  return out;
}

/* inverse(a, n) -> A^-1, row-major. */
static napi_value Inverse(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  double *a, *x;
  size_t alen;
  int n;
  if (argc < 2 || !arg_f64(env, argv[0], "inverse: a must be a Float64Array", &a, &alen) ||
      !arg_int(env, argv[1], "inverse: bad n", &n))
    return NULL;
  if (alen != (size_t)n * n) {
    napi_throw_range_error(env, "GVC_SHAPE", "inverse: matrix is not n x n");
    return NULL;
  }
  napi_value out = new_f64(env, alen, &x);
  if (!out || n == 0) return out;
  memcpy(x, a, alen * sizeof(double));
  int *ipiv = malloc((size_t)n * sizeof(int));
  if (!ipiv) {
    napi_throw_range_error(env, "GVC_ALLOC", "inverse: out of memory");
    return NULL;
  }
  const int bad = lu_factor(x, n, ipiv, max_abs(a, alen));
  if (bad != 0) {
    free(ipiv);
    return throw_singular(env, bad, n);
  }
  double wq = 0;
  int lwork = -1, status = 0;
  dgetri_(&n, x, &n, ipiv, &wq, &lwork, &status); /* workspace query */
  lwork = wq > n ? (int)wq : n;
  double *work = malloc((size_t)lwork * sizeof(double));
  if (!work) {
    free(ipiv);
    napi_throw_range_error(env, "GVC_ALLOC", "inverse: out of memory");
    return NULL;
  }
  dgetri_(&n, x, &n, ipiv, work, &lwork, &status);
  free(work);
  free(ipiv);
  if (status != 0) return throw_singular(env, status, n);
  return out;
}

/* solve(a, n, b, k) -> X with A X = B, B and X n x k row-major. */
static napi_value Solve(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  double *a, *b, *y;
  size_t alen, blen;
  int n, k;
  if (argc < 4 || !arg_f64(env, argv[0], "solve: a must be a Float64Array", &a, &alen) ||
      !arg_int(env, argv[1], "solve: bad n", &n) ||
      !arg_f64(env, argv[2], "solve: b must be a Float64Array", &b, &blen) ||
      !arg_int(env, argv[3], "solve: bad k", &k))
    return NULL;
  if (alen != (size_t)n * n || blen != (size_t)n * k) {
    napi_throw_range_error(env, "GVC_SHAPE", "solve: shapes do not conform");
    return NULL;
  }
  napi_value out = new_f64(env, blen, &y);
  if (!out || n == 0) return out;
  double *lu = malloc(alen * sizeof(double));
  int *ipiv = malloc((size_t)n * sizeof(int));
  if (!lu || !ipiv) {
    free(lu);
    free(ipiv);
    napi_throw_range_error(env, "GVC_ALLOC", "solve: out of memory");
    return NULL;
  }
  memcpy(lu, a, alen * sizeof(double));
  const int bad = lu_factor(lu, n, ipiv, max_abs(a, alen));
  if (bad != 0) {
    free(lu);
    free(ipiv);
    return throw_singular(env, bad, n);
  }
  if (k > 0) {
    memcpy(y, b, blen * sizeof(double)); /* Y = B^T, column-major k x n, ld k */
    cblas_dtrsm(ColMajor, Right, Upper, NoTrans, NonUnit, k, n, 1.0, lu, n, y, k); /* Y U^-1 */
    cblas_dtrsm(ColMajor, Right, Lower, NoTrans, Unit, k, n, 1.0, lu, n, y, k);    /* Y L^-1 */
    /* Y P^T = Y P_n ... P_1: swap columns i and ipiv[i] for i = n..1 */
    for (int i = n - 1; i >= 0; i--) {
      const int p = ipiv[i] - 1;
      if (p == i) continue;
      double *ci = y + (size_t)i * k, *cp = y + (size_t)p * k;
      for (int c = 0; c < k; c++) {
        const double t = ci[c];
        ci[c] = cp[c];
        cp[c] = t;
      }
    }
  }
  free(lu);
  free(ipiv);
  return out;
}

/* setThreads(n): OpenBLAS worker threads (n >= 1). */
static napi_value SetThreads(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  int n;
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 1 || !arg_int(env, argv[0], "setThreads: bad count", &n)) return NULL;
  openblas_set_num_threads(n < 1 ? 1 : n);
  return NULL;
}

static napi_value GetThreads(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value v;
  CHECK(env, napi_create_int32(env, openblas_get_num_threads(), &v));
  return v;
}

static napi_value Config(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value v;
  CHECK(env, napi_create_string_utf8(env, openblas_get_config(), NAPI_AUTO_LENGTH, &v));
  return v;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"gemm", NULL, Gemm, NULL, NULL, NULL, napi_enumerable, NULL},
      {"inverse", NULL, Inverse, NULL, NULL, NULL, napi_enumerable, NULL},
      {"solve", NULL, Solve, NULL, NULL, NULL, napi_enumerable, NULL},
      {"setThreads", NULL, SetThreads, NULL, NULL, NULL, napi_enumerable, NULL},
      {"getThreads", NULL, GetThreads, NULL, NULL, NULL, napi_enumerable, NULL},
      {"config", NULL, Config, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  CHECK(env, napi_define_properties(env, exports, sizeof props / sizeof props[0], props));
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
