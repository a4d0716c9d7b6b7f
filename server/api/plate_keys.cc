#include "api/plate_keys.h"

#include <algorithm>
#include <cctype>

#include "atrium/auth/crypto.h"

namespace atrium::server {

StatusOr<Plate> KeyedPlate(const PlateKeys& keys, const std::string& text) {
  StatusOr<Plate> plate = Plate::Parse(text);
  if (!plate.ok()) return plate.status();
  return Plate::Keyed(auth::Hex(auth::HmacSha256(keys.key, plate->text())),
                      plate->Masked(), plate->new_energy());
}

codec::Json PlateJson(const Plate& plate) {
  return {{"value", plate.text()},
          {"display", plate.Masked()},
          {"new_energy", plate.new_energy()}};
}

StatusOr<std::string> KeyedTicket(const PlateKeys& keys,
                                  const std::string& code) {
  const bool alnum = std::all_of(code.begin(), code.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
  });
  if (code.size() < 8 || code.size() > 32 || !alnum) {
    return InvalidArgument(
        "ticket: the 8 to 32 letters and digits printed "
        "on the entry ticket");
  }
  std::string upper = code;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) {
    return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  });
  // A purpose prefix keeps a ticket's hash from ever equalling a plate's.
  return auth::Hex(auth::HmacSha256(keys.key, "ticket|" + upper));
}

}  // namespace atrium::server
