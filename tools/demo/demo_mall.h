// The demo mall: the programme in shared/demo-mall/program.json and the
// members in members.json, with each member's activity (receipts, points
// spent, refunds, expiry runs) replayed through the core in order.
#ifndef ATRIUM_TOOLS_DEMO_MALL_H_
#define ATRIUM_TOOLS_DEMO_MALL_H_

#include <map>
#include <string>

#include "atrium/codec/json_reader.h"
#include "atrium/members/account.h"
#include "atrium/members/member.h"
#include "atrium/program.h"
#include "atrium/status.h"

namespace atrium::demo {

struct DemoMall {
  Program program;
  std::map<MemberId, MemberAccount> accounts;
  Timestamp last_activity;  // the latest instant any activity happened
};

// Reads `dir`/program.json (codec/mall_files.h) and `dir`/members.json and
// replays the activity.
// Any error names the file and the member or field at fault.
StatusOr<DemoMall> LoadDemoMall(const std::string& dir);

}  // namespace atrium::demo

#endif  // ATRIUM_TOOLS_DEMO_MALL_H_
