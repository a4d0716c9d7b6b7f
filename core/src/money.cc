#include "atrium/money.h"

#include <cstdio>

namespace atrium {

std::string Money::ToString() const {
  // Work in unsigned so that the most negative value prints correctly.
  const bool negative = fen_ < 0;
  const uint64_t abs =
      negative ? 0 - static_cast<uint64_t>(fen_) : static_cast<uint64_t>(fen_);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s¥%llu.%02llu", negative ? "-" : "",
                static_cast<unsigned long long>(abs / 100),
                static_cast<unsigned long long>(abs % 100));
  return buf;
}

}  // namespace atrium
