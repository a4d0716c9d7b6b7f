// JSON forms of parking tariffs, a mall's parking set-up, quote requests
// and quotes, documented in shared/formats/parking.md.
#ifndef ATRIUM_CODEC_PARKING_JSON_H_
#define ATRIUM_CODEC_PARKING_JSON_H_

#include <deque>
#include <vector>

#include "atrium/codec/json_reader.h"
#include "atrium/parking/parking_lot.h"
#include "atrium/parking/parking_quote.h"

namespace atrium::codec {

// Decodes and validates a tariff version.
StatusOr<Tariff> TariffFromJson(const Json& j);
StatusOr<ParkingPolicy> ParkingPolicyFromJson(const Json& j);

// One mall's car park as shared/demo-mall/parking.json describes it.
struct MallParking {
  MallId mall;
  TariffId tariff;
  ParkingPolicy policy;
  TariffSchedule schedule;
};
// The whole file: every mall's car park.
StatusOr<std::vector<MallParking>> ParkingFileFromJson(const Json& j);
// The same, as a programme holds them.
StatusOr<std::vector<CarPark>> CarParksFromJson(const Json& j);

// A quote request: the stay, who pays, what they have, what they used
// today. Coupons are given in a short form and owned here.
struct QuoteRequest {
  MallId mall;
  StayFacts stay;
  Timestamp at;
  std::optional<MemberBenefits> member;
  UsageToday usage;
  std::deque<CouponTemplate> templates;  // stable addresses for the wallet
  std::deque<CouponInstance> coupons;
};
StatusOr<QuoteRequest> QuoteRequestFromJson(const Json& j);

Json QuoteToJson(const ParkingQuote& q);
// A quote as QuoteToJson writes it (a client reading the server's): the
// lines, the fee, what paying uses (points, coupons), the times. The
// benefit minutes are summed from the lines; an amount coupon's face value
// and payments_before are not sent and read 0. A "plate" field, as the
// server adds, is ignored.
StatusOr<ParkingQuote> QuoteFromJson(const Json& j);

}  // namespace atrium::codec

#endif  // ATRIUM_CODEC_PARKING_JSON_H_
