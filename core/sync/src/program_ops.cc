// update_program: an operator replaces the programme's rules. Nothing
// members hold is recomputed: points keep the expiry they were earned
// with, receipts their points, members their tier until the next review
// under the new thresholds (an upgrade at their next purchase, a downgrade
// on an evaluation day). A tier may be renamed or re-thresholded, never
// removed, since members and coupon templates name it.
#include <array>
#include <span>

#include "apply_internal.h"
#include "atrium/codec/program_json.h"
#include "registry.h"

namespace atrium::sync::internal {

StatusOr<Effects> UpdateProgram(GroupState& state, const Operation& op) {
  if (op.origin.kind != OriginKind::kOperator) {
    return PermissionDenied("the programme's rules come only from an operator");
  }
  StatusOr<Program> next = codec::ProgramWithRules(state.program, op.payload);
  if (!next.ok()) return next.status();
  for (const TierLevel& level : state.program.tiers.levels) {
    if (next->tiers.IndexOf(level.id) < 0) {
      return FailedPrecondition("tier " + level.id.value() +
                                " cannot be removed: rename it or change its "
                                "thresholds instead");
    }
  }
  state.program = std::move(*next);
  state.rules = op.payload;
  Effects fx;
  fx.everyone = true;
  fx.tiers = state.program.tiers;
  codec::Json tiers = codec::Json::array();
  for (const TierLevel& l : state.program.tiers.levels) {
    tiers.push_back(l.id.value());
  }
  codec::Json rules = codec::Json::array();
  for (const EarningRule& r : state.program.earning.rules) {
    rules.push_back(r.id.value());
  }
  fx.result = {{"tiers", tiers}, {"rules", rules}};
  return fx;
}

}  // namespace atrium::sync::internal

namespace atrium::sync {

// The operation types of the programme's rules: their entries in the registry
// (registry.h), beside their handlers.
std::span<const OpPolicy> registry::ProgramOps() {
  static constexpr std::array<OpPolicy, 1> kOps = {{
      {"update_program", Senders({K::kOperator, K::kSystem}), kAdmin, nullptr,
       NoClock<internal::UpdateProgram>},
  }};
  return kOps;
}

}  // namespace atrium::sync
