// atriumctl demo: loads the demo mall, replays its members' activity through
// the core and prints one member's points statement.
#include <cstdio>
#include <string>

#include "atrium/codec/domain_json.h"
#include "atrium/points/audit.h"
#include "atrium/points/ledger.h"
#include "atrium/points/statement.h"
#include "cli.h"
#include "demo_mall.h"

#ifndef ATRIUM_SHARED_DIR
#define ATRIUM_SHARED_DIR "shared"
#endif

namespace atrium::cli {
namespace {

std::string Points(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<size_t>(i), ",");
  }
  return (n < 0 ? "-" : "") + digits;
}

const TierLevel* LevelOf(const Program& p, const TierId& id) {
  const int i = p.tiers.IndexOf(id);
  return i < 0 ? nullptr : &p.tiers.levels[i];
}

void PrintText(const Program& program, const MemberAccount& account,
               const Statement& s, const AuditReport& audit) {
  const LocalCalendar& cal = program.group.calendar;
  const Member& m = account.member();
  const TierLevel* level = LevelOf(program, account.tier().tier);
  std::printf("%s · 会员积分对账单 Points statement\n\n",
              program.group.name.c_str());
  std::printf("会员 Member    %s  %s  %s %s\n", m.profile.name.c_str(),
              m.phone.Masked().c_str(), level->name.c_str(),
              level->name_en.c_str());
  std::printf("截至 As of     %s (mall time)\n\n",
              cal.FormatLocal(s.at).c_str());
  std::printf("可用 Usable    %12s\n", Points(s.balance.usable).c_str());
  std::printf("待生效 Pending %12s\n", Points(s.balance.pending).c_str());
  std::printf("合计 Total     %12s\n\n", Points(s.balance.total()).c_str());

  std::printf("即将过期 Expiring\n");
  for (const ExpiryLine& e : s.expiring) {
    std::printf("  last usable day %s  %10s points\n",
                cal.DateOf(e.expires_at.PlusSeconds(-1)).ToString().c_str(),
                Points(e.points).c_str());
  }
  std::printf("\n最近记录 Entries, newest first\n");
  for (const LedgerEntry* e : s.entries) {
    std::printf("  %s  %-7s %10s  %s\n", cal.FormatLocal(e->at).c_str(),
                std::string(EntryKindName(e->kind)).c_str(),
                ((e->points > 0 ? "+" : "") + Points(e->points)).c_str(),
                (e->note.empty() ? e->ref : e->note).c_str());
  }
  std::printf("\n等级记录 Tier history\n");
  for (const TierChange& c : account.tier().history) {
    std::printf("  %s  %s -> %s  (%s)\n", cal.FormatLocal(c.at).c_str(),
                c.from.value().c_str(), c.to.value().c_str(), c.reason.c_str());
  }
  std::printf("\n核对 Audit: %s, %zu findings\n",
              audit.clean() ? "clean" : "NOT CLEAN", audit.findings.size());
}

}  // namespace

int DemoCommand(const Flags& flags) {
  StatusOr<demo::DemoMall> demo = demo::LoadDemoMall(flags.data);
  if (!demo.ok()) return Fail(demo.status());

  const MemberId id(flags.member);
  auto it = demo->accounts.find(id);
  if (it == demo->accounts.end()) {
    return Fail(NotFound("no demo member " + id.value()));
  }
  // Without --at, the statement is taken a day after the last activity, so
  // the output does not depend on when it runs.
  Timestamp at = demo->last_activity.PlusSeconds(kSecondsPerDay);
  if (!flags.at.empty()) {
    StatusOr<Timestamp> t = ParseIso8601(flags.at);
    if (!t.ok()) return Fail(t.status());
    at = *t;
  }
  MemberAccount& account = it->second;
  Status reviewed = account.ReviewTier(demo->program, at);
  if (!reviewed.ok()) return Fail(reviewed);

  const Statement statement = BuildStatement(account.ledger(), at);
  const AuditReport audit = Audit(account.ledger());
  if (flags.entries) {
    codec::Json entries = codec::Json::array();
    for (const LedgerEntry& e : account.ledger().entries()) {
      entries.push_back(codec::EntryToJson(e));
    }
    return PrintJson({{"at", FormatIso8601(at)}, {"entries", entries}});
  }
  if (flags.json) {
    codec::Json out =
        codec::StatementToJson(statement, demo->program.group.calendar);
    out["member"] = {{"id", id.value()},
                     {"phone", account.member().phone.Masked()},
                     {"tier", account.tier().tier.value()}};
    out["audit"] = codec::AuditToJson(audit);
    return PrintJson(out);
  }
  PrintText(demo->program, account, statement, audit);
  return audit.clean() ? 0 : 3;
}

}  // namespace atrium::cli
