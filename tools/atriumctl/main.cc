// atriumctl: the core on the command line, JSON in and JSON out, so that
// operators can try rules and read ledgers before anything goes live.
#include <cstdio>
#include <string>
#include <vector>

#include "cli.h"

namespace {

constexpr char kUsage[] =
    "usage: atriumctl <command> [flags]\n"
    "  earn       --program FILE [--in FILE]   points a receipt earns\n"
    "  statement  [--in FILE]                  balance, lots and expiry of a "
    "ledger\n"
    "  checkout   [--program FILE] [--in FILE] best coupons and points for a "
    "basket\n"
    "  coupon     [--in FILE]                  apply coupon operations, show "
    "events\n"
    "  parking-quote [--data DIR] [--tariff FILE] [--in FILE]\n"
    "             a stay's fee with member benefits, by the mall's tariff\n"
    "  demo       [--data DIR] [--member ID] [--at ISO-8601] [--json | "
    "--entries]\n"
    "             load the demo mall and print a member's statement\n"
    "  day-jobs   --date YYYY-MM-DD [--data DIR] [--demo DIR]\n"
    "             what that business day's jobs (points expiry, tier\n"
    "             reviews) will do to a server's data folder; writes nothing\n"
    "Formats: shared/formats/atriumctl.md\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return 1;
  }
  const std::string command = argv[1];
  const std::vector<std::string> rest(argv + 2, argv + argc);
  if (command == "earn") return atrium::cli::EarnCommand(rest);
  if (command == "statement") return atrium::cli::StatementCommand(rest);
  if (command == "demo") return atrium::cli::DemoCommand(rest);
  if (command == "checkout") return atrium::cli::CheckoutCommand(rest);
  if (command == "coupon") return atrium::cli::CouponCommand(rest);
  if (command == "parking-quote") {
    return atrium::cli::ParkingQuoteCommand(rest);
  }
#ifdef ATRIUM_CTL_DATA_FOLDER
  if (command == "day-jobs") return atrium::cli::DayJobsCommand(rest);
#endif
  std::fputs(kUsage, stderr);
  return 1;
}
