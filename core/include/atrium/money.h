// Money is an amount of renminbi in fen (1 yuan = 100 fen), held as int64.
//
// There is no floating point anywhere near it. Arithmetic is exact; callers
// that take amounts from outside check them against kMaxAmount first, so sums
// of a receipt's lines cannot overflow.
#ifndef ATRIUM_MONEY_H_
#define ATRIUM_MONEY_H_

#include <compare>
#include <cstdint>
#include <string>

namespace atrium {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money Fen(int64_t fen) { return Money(fen); }
  static constexpr Money Yuan(int64_t yuan) { return Money(yuan * 100); }

  constexpr int64_t fen() const { return fen_; }
  // Whole yuan, rounded toward zero.
  constexpr int64_t whole_yuan() const { return fen_ / 100; }

  constexpr bool is_negative() const { return fen_ < 0; }
  constexpr bool is_zero() const { return fen_ == 0; }

  constexpr Money operator+(Money o) const { return Money(fen_ + o.fen_); }
  constexpr Money operator-(Money o) const { return Money(fen_ - o.fen_); }
  constexpr Money& operator+=(Money o) {
    fen_ += o.fen_;
    return *this;
  }
  constexpr Money& operator-=(Money o) {
    fen_ -= o.fen_;
    return *this;
  }
  constexpr auto operator<=>(const Money&) const = default;

  // "¥1234.50", "-¥0.05".
  std::string ToString() const;

 private:
  constexpr explicit Money(int64_t fen) : fen_(fen) {}
  int64_t fen_ = 0;
};

// The largest amount the core accepts for one receipt line or one receipt:
// 100 million yuan. Far above any real purchase, far below int64 overflow.
inline constexpr Money kMaxAmount = Money::Yuan(100'000'000);

}  // namespace atrium

#endif  // ATRIUM_MONEY_H_
