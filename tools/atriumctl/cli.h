// What every atriumctl command shares: its arguments, reading its JSON
// input, and writing results and errors.
//
// Commands read one JSON document (from --in FILE, or standard input) and
// write one JSON document to standard output. A failure prints
// {"error": {"code": ..., "message": ...}} and exits 2 for bad input, 1 for
// bad usage.
#ifndef ATRIUM_TOOLS_ATRIUMCTL_CLI_H_
#define ATRIUM_TOOLS_ATRIUMCTL_CLI_H_

#include <map>
#include <string>
#include <vector>

#include "atrium/codec/json_reader.h"
#include "atrium/status.h"

namespace atrium::cli {

// "--name value" pairs and bare "--flag" switches.
class Args {
 public:
  // Fails on a stray positional argument or a repeated flag.
  static StatusOr<Args> Parse(const std::vector<std::string>& argv,
                              const std::vector<std::string>& switches);
  bool Has(const std::string& name) const { return values_.count(name) != 0; }
  std::string Get(const std::string& name, const std::string& fallback) const;

 private:
  std::map<std::string, std::string> values_;
};

// The JSON document named by --in, or standard input.
StatusOr<codec::Json> ReadInput(const Args& args);
int PrintJson(const codec::Json& j);
// Prints the error document and returns the exit code.
int Fail(const Status& status);

int EarnCommand(const std::vector<std::string>& argv);
int StatementCommand(const std::vector<std::string>& argv);
int DemoCommand(const std::vector<std::string>& argv);
int CheckoutCommand(const std::vector<std::string>& argv);
int CouponCommand(const std::vector<std::string>& argv);
int ParkingQuoteCommand(const std::vector<std::string>& argv);
int DayJobsCommand(const std::vector<std::string>& argv);  // native only

}  // namespace atrium::cli

#endif  // ATRIUM_TOOLS_ATRIUMCTL_CLI_H_
