// What every atriumctl command shares: its arguments, reading its JSON
// input, and writing results and errors.
//
// Commands read one JSON document (from --in FILE, or standard input) and
// write one JSON document to standard output. A failure prints
// {"error": {"code": ..., "message": ...}} and exits 2 for bad input; bad
// usage (an unknown command or flag) exits 1 with CLI11's message on
// standard error (main.cc declares every command's flags, for --help).
#ifndef ATRIUM_TOOLS_ATRIUMCTL_CLI_H_
#define ATRIUM_TOOLS_ATRIUMCTL_CLI_H_

#include <cstdint>
#include <string>

#include "atrium/codec/json_reader.h"
#include "atrium/status.h"

namespace atrium::cli {

// The flags of every command, as main.cc parses them; a command reads the
// ones it declared. Empty: not given (main.cc fills in the defaults).
struct Flags {
  std::string in;             // --in FILE: the request
  std::string program;        // --program FILE
  std::string data;           // --data DIR: the mall's files, or a data folder
  std::string tariff;         // --tariff FILE
  std::string demo;           // --demo DIR
  std::string member;         // --member ID
  std::string at;             // --at ISO-8601
  std::string date;           // --date YYYY-MM-DD
  int64_t members = 0;        // --members N: generated members to seed
  int64_t member_visits = 0;  // --member-visits N
  bool json = false;          // --json
  bool entries = false;       // --entries
  bool reset = false;         // --reset
};

// The JSON document named by --in, or standard input.
StatusOr<codec::Json> ReadInput(const Flags& flags);
int PrintJson(const codec::Json& j);
// Prints the error document and returns the exit code.
int Fail(const Status& status);

int EarnCommand(const Flags& flags);
int StatementCommand(const Flags& flags);
int DemoCommand(const Flags& flags);
int CheckoutCommand(const Flags& flags);
int CouponCommand(const Flags& flags);
int ParkingQuoteCommand(const Flags& flags);
int DayJobsCommand(const Flags& flags);  // native only
int SeedCommand(const Flags& flags);     // native only

}  // namespace atrium::cli

#endif  // ATRIUM_TOOLS_ATRIUMCTL_CLI_H_
