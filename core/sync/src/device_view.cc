#include "atrium/sync/device_view.h"

#include "atrium/members/phone.h"

namespace atrium::sync {
namespace {

// Canonical JSON names the type as "type":"<type>" exactly once.
bool OfType(const std::string& operation, std::string_view type) {
  return operation.find("\"type\":\"" + std::string(type) + "\"") !=
         std::string::npos;
}

}  // namespace

void MaskForDevice(Change& change) {
  const bool registers = OfType(change.operation, "register");
  if (!registers && !OfType(change.operation, "update_profile")) return;
  codec::Json op = codec::Json::parse(change.operation, nullptr, false);
  // The text search only screens: the parsed type decides.
  if (!op.is_object() || !op["payload"].is_object() ||
      op["type"] != (registers ? "register" : "update_profile")) {
    return;
  }
  const codec::Json& payload = op["payload"];
  codec::Json masked = {{"member_id", payload.value("member_id", "")}};
  if (registers && payload.value("erased", false)) {
    masked["erased"] = true;
  } else if (registers) {
    StatusOr<Phone> phone = Phone::Parse(payload.value("phone", ""));
    masked["phone_masked"] = phone.ok() ? phone->Masked() : "";
  }
  op["payload"] = std::move(masked);
  change.operation = op.dump();
}

}  // namespace atrium::sync
