// A mainland-China licence plate: the key of a parking session.
//
// Parse accepts what a camera or a person sends: "沪A12345", "沪A·12345",
// "沪 a-12345", full-width letters and digits. It normalises to a province
// character, an issuing-authority letter and then
// - 5 letters or digits for an ordinary plate; the last may instead be
//   学 (driving school), 警 (police), 挂 (trailer), 港 or 澳;
// - 6 for a new-energy plate, D or F first (small cars) or last (large).
// I and O never appear on plates (they read as 1 and 0) and are refused,
// as is everything else, with InvalidArgument naming the masked input.
// Masked() is the only form that may appear on a screen or in a log.
//
// A keyed plate stands for a plate by the server's keyed hash of it (64
// lowercase hex digits) and its masked form: what operations and stores
// hold, so that no plate is kept in clear. Its text() is the hash.
#ifndef ATRIUM_PARKING_PLATE_H_
#define ATRIUM_PARKING_PLATE_H_

#include <string>
#include <string_view>

#include "atrium/status.h"

namespace atrium {

class Plate {
 public:
  static StatusOr<Plate> Parse(std::string_view text);
  // InvalidArgument unless `hash` is 64 lowercase hex digits and `masked`
  // a masked plate ("沪A***45", at most 24 bytes).
  static StatusOr<Plate> Keyed(std::string hash, std::string masked,
                               bool new_energy);
  Plate() = default;  // empty: no plate yet

  // "沪A12345", "粤BD12345": UTF-8, no separators.
  const std::string& text() const { return text_; }
  // "沪A***45", "粤B****45".
  std::string Masked() const;
  bool new_energy() const { return new_energy_; }

  bool operator==(const Plate& o) const { return text_ == o.text_; }
  bool operator<(const Plate& o) const { return text_ < o.text_; }

 private:
  Plate(std::string text, bool new_energy, std::string masked = "")
      : text_(std::move(text)),
        new_energy_(new_energy),
        masked_(std::move(masked)) {}
  std::string text_;
  bool new_energy_ = false;
  std::string masked_;  // a keyed plate's; empty for a parsed one
};

}  // namespace atrium

#endif  // ATRIUM_PARKING_PLATE_H_
