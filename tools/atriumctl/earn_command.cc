// atriumctl earn: the points one receipt earns under a programme's rules.
#include "atrium/codec/domain_json.h"
#include "atrium/codec/mall_files.h"
#include "atrium/codec/program_json.h"
#include "atrium/points/earning.h"
#include "cli.h"

namespace atrium::cli {
namespace {

StatusOr<Program> LoadProgram(const Flags& flags,
                              const codec::Json* inline_json) {
  if (inline_json != nullptr) return codec::ProgramFromJson(*inline_json);
  if (flags.program.empty()) {
    return InvalidArgument(
        "give the programme with --program FILE or as "
        "\"program\" in the request");
  }
  return codec::LoadProgramFile(flags.program);
}

StatusOr<codec::Json> Earn(const Flags& flags) {
  StatusOr<codec::Json> request = ReadInput(flags);
  if (!request.ok()) return request.status();
  codec::JsonReader r(*request, "request");
  const codec::Json* program_json = r.Raw("program", false);
  const TierId tier(r.Str("tier"));
  const int64_t earned_today =
      r.OptInt("earned_today", 0, 0, kMaxPointsPerEntry);
  const codec::Json* receipt_json = r.Raw("receipt", true);
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  StatusOr<Program> program = LoadProgram(flags, program_json);
  if (!program.ok()) return program.status();
  StatusOr<Receipt> receipt = codec::ReceiptFromJson(*receipt_json);
  if (!receipt.ok()) return receipt.status();

  if (program->tiers.IndexOf(tier) < 0) {
    return NotFound("unknown tier " + tier.value());
  }
  const Mall* mall = program->group.FindMall(receipt->mall);
  if (mall == nullptr) return NotFound("unknown mall " + receipt->mall.value());
  if (mall->FindStore(receipt->store) == nullptr) {
    return NotFound("unknown store " + receipt->store.value());
  }
  StatusOr<EarnResult> result = ComputeEarn(program->earning, mall->calendar,
                                            *receipt, tier, earned_today);
  if (!result.ok()) return result.status();
  codec::Json out =
      codec::EarnResultToJson(program->earning, *receipt, *result);
  out["tier"] = tier.value();
  out["expires_at"] = FormatIso8601(
      program->expiry.ExpiresAt(program->group.calendar, receipt->at));
  return out;
}

}  // namespace

int EarnCommand(const Flags& flags) {
  StatusOr<codec::Json> out = Earn(flags);
  return out.ok() ? PrintJson(*out) : Fail(out.status());
}

}  // namespace atrium::cli
