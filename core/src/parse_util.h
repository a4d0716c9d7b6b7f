// A forward-only cursor over text, for the core's small fixed-shape parsers
// (dates, instants, phone numbers). Internal to core/src.
#ifndef ATRIUM_SRC_PARSE_UTIL_H_
#define ATRIUM_SRC_PARSE_UTIL_H_

#include <cstdint>
#include <string_view>

namespace atrium::internal {

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool AtEnd() const { return pos_ == text_.size(); }

  // Consumes `c` if it is next.
  bool Literal(char c) {
    if (AtEnd() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  // Consumes exactly `n` decimal digits into *out.
  bool Digits(int n, int32_t* out) {
    if (text_.size() - pos_ < static_cast<size_t>(n)) return false;
    int32_t v = 0;
    for (int i = 0; i < n; ++i) {
      const char c = text_[pos_ + i];
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    pos_ += n;
    *out = v;
    return true;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace atrium::internal

#endif  // ATRIUM_SRC_PARSE_UTIL_H_
