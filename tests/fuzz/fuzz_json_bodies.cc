// libFuzzer target: what the API's JSON bodies become: the codec's parse
// (with its depth and size limits), then every decoder a request body
// meets (receipts, baskets, coupon templates, parking quotes and
// tariffs, claimants), and the plate and phone parsers on the raw text.
#include <cstdint>
#include <string_view>

#include "atrium/codec/coupon_json.h"
#include "atrium/codec/domain_json.h"
#include "atrium/codec/parking_json.h"
#include "atrium/members/phone.h"
#include "atrium/parking/plate.h"
#include "fuzz_shared.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace atrium;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)Plate::Parse(text);
  (void)Phone::Parse(text);
  StatusOr<codec::Json> j = codec::ParseJson(text);
  if (!j.ok()) return 0;
  (void)codec::ReceiptFromJson(*j);
  (void)codec::BasketFromJson(*j);
  (void)codec::TemplateFromJson(*j);
  (void)codec::ClaimantFromJson(*j);
  (void)codec::QuoteRequestFromJson(*j);
  (void)codec::QuoteFromJson(*j);
  (void)codec::TariffFromJson(*j);
  (void)codec::ParkingPolicyFromJson(*j);
  return 0;
}
