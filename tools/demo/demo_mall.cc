#include "demo_mall.h"

#include "atrium/codec/domain_json.h"
#include "atrium/codec/mall_files.h"

namespace atrium::demo {
namespace {

using codec::Json;
using codec::JsonReader;

Status Annotate(const Status& s, const std::string& where) {
  return s.ok() ? s : Status(s.code(), where + ": " + s.message());
}

// Applies one activity record of a member's history.
Status Replay(const Program& program, MemberAccount& account, JsonReader& op,
              Timestamp* last) {
  const std::string kind = op.Str("op");
  if (kind == "receipt") {
    const Json* receipt = op.Raw("receipt", true);
    op.Finish();
    ATRIUM_RETURN_IF_ERROR(op.status());
    StatusOr<Receipt> r = codec::ReceiptFromJson(*receipt);
    if (!r.ok()) return r.status();
    *last = std::max(*last, r->at);
    return account.EarnForReceipt(program, *r, r->at).status();
  }
  const Timestamp at = op.Time("at");
  if (kind == "spend") {
    const std::string key = op.Str("key");
    const int64_t points = op.Int("points", 1, kMaxPointsPerEntry);
    const std::string ref = op.OptStr("ref");
    const std::string note = op.OptStr("note");
    op.Finish();
    ATRIUM_RETURN_IF_ERROR(op.status());
    *last = std::max(*last, at);
    return account.ledger().Spend(key, at, points, ref, note).status();
  }
  if (kind == "refund") {
    const std::string key =
        "receipt:" + op.Str("mall_id") + ":" + op.Str("receipt_id");
    const std::string refund_id = op.Str("refund_id");
    const Money amount = op.Fen("amount_fen");
    op.Finish();
    ATRIUM_RETURN_IF_ERROR(op.status());
    *last = std::max(*last, at);
    return account.RefundReceipt(key, refund_id, amount, at).status();
  }
  if (kind == "expire") {
    op.Finish();
    ATRIUM_RETURN_IF_ERROR(op.status());
    *last = std::max(*last, at);
    return account.ledger().Expire(at).status();
  }
  op.Fail("op", "must be receipt, spend, refund or expire");
  return op.status();
}

// Registers the member `m` describes; the directory keeps phones unique.
StatusOr<const Member*> ReadMember(JsonReader& m, MemberDirectory& directory) {
  const MemberId id(m.Str("id"));
  const std::string phone = m.Str("phone");
  Profile profile{m.Str("name"), std::nullopt};
  if (m.Has("birthday")) {
    StatusOr<MonthDay> b = ParseMonthDay(m.Str("birthday"));
    if (!b.ok()) m.Fail("birthday", b.status().message());
    if (b.ok()) profile.birthday = *b;
  }
  JsonReader c = m.Object("consents");
  Consents consents{c.OptBool("marketing", false),
                    c.OptBool("profiling", false)};
  c.Finish();
  const Timestamp at = m.Time("registered_at");
  ATRIUM_RETURN_IF_ERROR(m.status());
  return directory.Register(id, phone, std::move(profile), consents, at);
}

}  // namespace

StatusOr<DemoMall> LoadDemoMall(const std::string& dir) {
  const std::string members_path = dir + "/members.json";
  StatusOr<Program> program = codec::LoadProgramFile(dir + "/program.json");
  if (!program.ok()) return program.status();

  StatusOr<std::string> members_text = codec::ReadFile(members_path);
  if (!members_text.ok()) return members_text.status();
  StatusOr<Json> members_json = codec::ParseJson(*members_text);
  if (!members_json.ok()) return Annotate(members_json.status(), members_path);

  DemoMall demo{std::move(*program), {}, kEarliestTime};
  MemberDirectory directory(demo.program.group.id);
  JsonReader root(*members_json, "");
  for (JsonReader& m : root.Objects("members", 100'000, true)) {
    StatusOr<const Member*> member = ReadMember(m, directory);
    if (!member.ok()) return Annotate(member.status(), members_path);
    MemberAccount account(**member, demo.program.tiers);
    for (JsonReader& op : m.Objects("activity", 100'000, false)) {
      Status s = Replay(demo.program, account, op, &demo.last_activity);
      if (!s.ok()) {
        return Annotate(s, members_path + ": member " + (*member)->id.value());
      }
    }
    m.Finish();
    ATRIUM_RETURN_IF_ERROR(Annotate(m.status(), members_path));
    demo.accounts.emplace((*member)->id, std::move(account));
  }
  root.Finish();
  ATRIUM_RETURN_IF_ERROR(Annotate(root.status(), members_path));
  return demo;
}

}  // namespace atrium::demo
