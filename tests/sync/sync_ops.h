// Operations made in code for the sync tests: an envelope around a payload,
// and a coupon template's JSON.
#ifndef ATRIUM_TESTS_SYNC_SYNC_OPS_H_
#define ATRIUM_TESTS_SYNC_SYNC_OPS_H_

#include <string>

#include "atrium/sync/apply.h"

namespace atrium::testing {

inline const Timestamp kOpsNow = *ParseIso8601("2026-04-08T08:00:00Z");

inline sync::Operation Op(const std::string& id, const std::string& origin,
                          const std::string& type, codec::Json payload,
                          Timestamp at = kOpsNow) {
  sync::Operation op;
  op.id = id;
  op.origin = *sync::Origin::Parse(origin);
  op.seq = 1;
  op.type = type;
  op.client_time = at;
  op.payload = std::move(payload);
  return op;
}

// A ¥10 coupon of the main mall, valid from March to June 2026.
inline codec::Json TemplateJson(const std::string& id, int64_t stock,
                                int64_t per_member) {
  return {{"id", id},
          {"name", "限量券"},
          {"mall_id", "m-xinjie"},
          {"kind", "cash_off"},
          {"amount_fen", 1000},
          {"valid_from", "2026-03-01T00:00:00+08:00"},
          {"valid_until", "2026-06-01T00:00:00+08:00"},
          {"total_stock", stock},
          {"per_member_total", per_member}};
}

// Registers members M1..Mn at a desk; false if one failed.
inline bool RegisterMembers(sync::GroupState& state, int n) {
  for (int i = 1; i <= n; ++i) {
    const std::string m = "M" + std::to_string(i);
    if (!sync::Apply(
             state,
             Op("reg-" + m, "device:desk", "register",
                {{"member_id", m}, {"phone", std::to_string(13800000000 + i)}}),
             kOpsNow)
             .ok()) {
      return false;
    }
  }
  return true;
}

}  // namespace atrium::testing

#endif  // ATRIUM_TESTS_SYNC_SYNC_OPS_H_
