#include "atrium/parking/plate.h"

#include <algorithm>
#include <vector>

namespace atrium {
namespace {

constexpr std::u32string_view kProvinces =
    U"京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
constexpr std::u32string_view kOrdinarySuffixes = U"学警挂港澳";
constexpr std::u32string_view kSeparators = U" \t-.·•・\u3000";
constexpr size_t kMaxInputBytes = 64;

// Decodes UTF-8; false on a malformed sequence.
bool Decode(std::string_view s, std::u32string& out) {
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int n = b < 0x80           ? 1
                  : (b >> 5) == 0x6  ? 2
                  : (b >> 4) == 0xE  ? 3
                  : (b >> 3) == 0x1E ? 4
                                     : 0;
    if (n == 0 || i + n > s.size()) return false;
    char32_t cp = b & (0x7F >> n);
    if (n == 1) cp = b;
    for (int k = 1; k < n; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c >> 6) != 2) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    out.push_back(cp);
    i += n;
  }
  return true;
}

void Encode(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Full-width ASCII to ASCII, lower case to upper.
char32_t Fold(char32_t c) {
  if (c >= U'\uFF01' && c <= U'\uFF5E') c -= 0xFEE0;
  if (c >= U'a' && c <= U'z') c -= 'a' - 'A';
  return c;
}

bool IsLetter(char32_t c) {
  return c >= U'A' && c <= U'Z' && c != U'I' && c != U'O';
}
bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool IsSerial(char32_t c) { return IsLetter(c) || IsDigit(c); }
bool IsEnergyMark(char32_t c) { return c == U'D' || c == U'F'; }

bool Valid(const std::u32string& p, bool* new_energy) {
  if (p.size() != 7 && p.size() != 8) return false;
  if (kProvinces.find(p[0]) == std::u32string_view::npos) return false;
  if (!IsLetter(p[1])) return false;
  const std::u32string_view serial = std::u32string_view(p).substr(2);
  *new_energy = serial.size() == 6;
  if (*new_energy) {
    return std::all_of(serial.begin(), serial.end(), IsSerial) &&
           (IsEnergyMark(serial.front()) || IsEnergyMark(serial.back()));
  }
  return std::all_of(serial.begin(), serial.end() - 1, IsSerial) &&
         (IsSerial(serial.back()) ||
          kOrdinarySuffixes.find(serial.back()) != std::u32string_view::npos);
}

}  // namespace

StatusOr<Plate> Plate::Parse(std::string_view text) {
  constexpr const char* kExpected =
      "malformed plate: expected a province character, a letter and 5 "
      "letters or digits (6 for a new-energy plate)";
  if (text.size() > kMaxInputBytes) return InvalidArgument(kExpected);
  std::u32string raw;
  if (!Decode(text, raw)) return InvalidArgument("plate is not UTF-8");
  std::u32string p;
  for (const char32_t c : raw) {
    const char32_t f = Fold(c);
    if (kSeparators.find(f) == std::u32string_view::npos) p.push_back(f);
  }
  bool new_energy = false;
  if (!Valid(p, &new_energy)) return InvalidArgument(kExpected);
  std::string out;
  for (const char32_t c : p) Encode(c, out);
  return Plate(std::move(out), new_energy);
}

StatusOr<Plate> Plate::Keyed(std::string hash, std::string masked,
                             bool new_energy) {
  constexpr size_t kHashDigits = 64;
  constexpr size_t kMaxMasked = 24;
  const bool hex = std::all_of(hash.begin(), hash.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
  if (hash.size() != kHashDigits || !hex) {
    return InvalidArgument("a keyed plate is 64 lowercase hex digits");
  }
  if (masked.empty() || masked.size() > kMaxMasked ||
      masked.find("***") == std::string::npos) {
    return InvalidArgument("a keyed plate's masked form, such as 沪A***45");
  }
  return Plate(std::move(hash), new_energy, std::move(masked));
}

std::string Plate::Masked() const {
  if (!masked_.empty()) return masked_;
  std::u32string p;
  Decode(text_, p);
  std::string out;
  Encode(p[0], out);
  Encode(p[1], out);
  out.append(p.size() - 4, '*');
  for (size_t i = p.size() - 2; i < p.size(); ++i) Encode(p[i], out);
  return out;
}

}  // namespace atrium
