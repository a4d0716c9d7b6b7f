// The demo mall: the programme in shared/demo-mall/program.json and the
// members in members.json, with each member's activity (receipts, points
// spent, refunds, expiry runs) replayed through the core in order.
#ifndef ATRIUM_TOOLS_DEMO_MALL_H_
#define ATRIUM_TOOLS_DEMO_MALL_H_

#include <map>
#include <string>

#include "atrium/account.h"
#include "atrium/codec/json_reader.h"
#include "atrium/member.h"
#include "atrium/program.h"
#include "atrium/status.h"

namespace atrium::demo {

struct DemoMall {
  Program program;
  std::map<MemberId, MemberAccount> accounts;
  Timestamp last_activity;  // the latest instant any activity happened
};

// Reads `dir`/program.json and `dir`/members.json and replays the activity.
// Any error names the file and the member or field at fault.
StatusOr<DemoMall> LoadDemoMall(const std::string& dir);

// Reads a whole file; NotFound or ResourceExhausted (over 8 MiB).
StatusOr<std::string> ReadFile(const std::string& path);

// Reads and parses a JSON file; errors name the file.
StatusOr<codec::Json> ReadJsonFile(const std::string& path);

// Reads and decodes a programme file (shared/formats/program.md), with the
// car parks of parking.json beside it if there is one; errors name the
// file.
StatusOr<Program> LoadProgramFile(const std::string& path);

}  // namespace atrium::demo

#endif  // ATRIUM_TOOLS_DEMO_MALL_H_
