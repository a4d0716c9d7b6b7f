// libFuzzer target: an operation's text, decoded (ParseOperation), judged
// for every kind of sender (Authorize) and applied (Apply) to the demo
// group's state. Any crash, leak or undefined behaviour is a finding.
#include <cstdint>
#include <string_view>

#include "atrium/sync/apply.h"
#include "atrium/sync/authority.h"
#include "fuzz_shared.h"

namespace {

using atrium::sync::SenderKind;

atrium::sync::Sender SenderOf(SenderKind kind) {
  atrium::sync::Sender s;
  s.kind = kind;
  s.id = kind == SenderKind::kMember ? "M1" : "kiosk-xinjie-1f";
  s.mall = atrium::MallId("m-xinjie");
  s.role = "admin";
  s.present = [](const atrium::MemberId& m) { return m.value() == "M1"; };
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const atrium::Program program = atrium::fuzz::DemoProgram();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  atrium::StatusOr<atrium::sync::Operation> op =
      atrium::sync::ParseOperation(text);
  if (!op.ok()) return 0;
  (void)atrium::sync::CanonicalJson(*op);
  atrium::sync::GroupState state(program);
  for (SenderKind k :
       {SenderKind::kMember, SenderKind::kTill, SenderKind::kKiosk,
        SenderKind::kGate, SenderKind::kOperator, SenderKind::kSystem}) {
    (void)atrium::sync::Authorize(state, *op, SenderOf(k));
  }
  (void)atrium::sync::Apply(state, *op, atrium::fuzz::kNow);
  return 0;
}
