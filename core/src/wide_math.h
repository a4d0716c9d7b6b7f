// a * b / c without overflow, for proportions of money: both a and b may be
// up to 1e10 fen, so their product needs 128 bits. Internal to core/src.
#ifndef ATRIUM_SRC_WIDE_MATH_H_
#define ATRIUM_SRC_WIDE_MATH_H_

#include <cstdint>

namespace atrium::internal {

__extension__ using Int128 = __int128;

struct QuotientRemainder {
  int64_t quotient;
  int64_t remainder;
};

// floor(a * b / c) and its remainder, for a, b >= 0 and c > 0 whose
// quotient fits in int64.
inline QuotientRemainder MulDiv(int64_t a, int64_t b, int64_t c) {
  const Int128 product = static_cast<Int128>(a) * b;
  return {static_cast<int64_t>(product / c), static_cast<int64_t>(product % c)};
}

}  // namespace atrium::internal

#endif  // ATRIUM_SRC_WIDE_MATH_H_
