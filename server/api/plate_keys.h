// Plates and entry tickets as they cross into operations: keyed with the
// server's plate key (HMAC-SHA256, hex), so no store or log holds a plate
// or a ticket's code, and the store cannot be searched by either without
// the server.
#ifndef ATRIUM_SERVER_API_PLATE_KEYS_H_
#define ATRIUM_SERVER_API_PLATE_KEYS_H_

#include <string>

#include "atrium/codec/json_reader.h"
#include "atrium/parking/plate.h"
#include "atrium/status.h"

namespace atrium::server {

// The server's key for plates and tickets (from its data folder's key).
struct PlateKeys {
  std::string key;
};

// A plate typed or read by a camera: its keyed hash, masked form and
// energy. InvalidArgument for what is not a plate.
StatusOr<Plate> KeyedPlate(const PlateKeys& keys, const std::string& text);
// The plate as an operation's payload names it.
codec::Json PlateJson(const Plate& plate);
// The code printed on an entry ticket (8 to 32 letters and digits, any
// case), keyed. InvalidArgument otherwise.
StatusOr<std::string> KeyedTicket(const PlateKeys& keys,
                                  const std::string& code);

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_API_PLATE_KEYS_H_
