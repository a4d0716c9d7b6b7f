// atriumctl: the core on the command line, JSON in and JSON out, so that
// operators can try rules and read ledgers before anything goes live.
// `atriumctl --help` lists the commands, `atriumctl COMMAND --help` their
// flags; formats: shared/formats/atriumctl.md.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <string>

#include "cli.h"

namespace {

using atrium::cli::Flags;

const std::string kDemoMall = std::string(ATRIUM_SHARED_DIR) + "/demo-mall";

void In(CLI::App* c, Flags& f) {
  c->add_option("--in", f.in, "the request, JSON (default: standard input)");
}

void Program(CLI::App* c, Flags& f, const std::string& what) {
  c->add_option("--program", f.program, what);
}

int Run(int argc, char** argv) {
  CLI::App app(
      "atriumctl: the core on the command line, JSON in and JSON out "
      "(formats: shared/formats/atriumctl.md)");
  app.require_subcommand(1);

  Flags earn;
  CLI::App* c = app.add_subcommand("earn", "the points a receipt earns");
  Program(c, earn, "the programme, JSON (or \"program\" in the request)");
  In(c, earn);

  Flags statement;
  c = app.add_subcommand("statement", "balance, lots and expiry of a ledger");
  In(c, statement);

  Flags checkout;
  c = app.add_subcommand("checkout",
                         "the best coupons and points for a basket");
  Program(c, checkout, "the programme, JSON (for points as payment)");
  In(c, checkout);

  Flags coupon;
  c = app.add_subcommand("coupon", "apply coupon operations, show events");
  In(c, coupon);

  Flags quote;
  quote.data = kDemoMall;
  c = app.add_subcommand("parking-quote",
                         "a stay's fee with member benefits, by a tariff");
  c->add_option("--data", quote.data, "the mall's files")
      ->capture_default_str();
  c->add_option("--tariff", quote.tariff,
                "a tariff, JSON, instead of the mall's");
  In(c, quote);

  Flags demo;
  demo.data = kDemoMall;
  demo.member = "M0001";
  c = app.add_subcommand("demo",
                         "load the demo mall and print a member's statement");
  c->add_option("--data", demo.data, "the mall's files")->capture_default_str();
  c->add_option("--member", demo.member, "whose statement")
      ->capture_default_str();
  c->add_option("--at", demo.at,
                "as of this instant, ISO-8601 (default: "
                "after the last receipt)");
  c->add_flag("--json", demo.json, "the account as JSON");
  c->add_flag("--entries", demo.entries, "the ledger's entries as JSON");

#ifdef ATRIUM_CTL_DATA_FOLDER
  Flags day;
  day.data = "data";
  day.demo = kDemoMall;
  c = app.add_subcommand("day-jobs",
                         "what a business day's jobs (points expiry, tier "
                         "reviews) will do to a server's data; writes nothing");
  c->add_option("--date", day.date, "the business day, YYYY-MM-DD")->required();
  c->add_option("--data", day.data, "atriumd's data folder")
      ->capture_default_str();
  c->add_option("--demo", day.demo, "the mall's files atriumd runs with")
      ->capture_default_str();

  Flags seed;
  seed.data = "data";
  seed.demo = kDemoMall;
  seed.members = 1000;
  seed.member_visits = 24;
  c = app.add_subcommand("seed",
                         "a new atriumd data folder with the demo mall: "
                         "coupons, members and their history, devices, "
                         "operators");
  c->add_option("--data", seed.data, "the data folder to make")
      ->capture_default_str();
  c->add_option("--demo", seed.demo, "the mall's files")->capture_default_str();
  c->add_option("--members", seed.members,
                "generated members, each with a year of receipts")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  c->add_option("--member-visits", seed.member_visits,
                "the most visits a generated member made")
      ->capture_default_str()
      ->check(CLI::Range(2, 1000));
  c->add_flag("--reset", seed.reset,
              "delete the folder's databases first (its key stays)");
#endif

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::ParseError& e) {
    (void)app.exit(e);
    return 1;
  }
  using namespace atrium::cli;
  if (app.got_subcommand("earn")) return EarnCommand(earn);
  if (app.got_subcommand("statement")) return StatementCommand(statement);
  if (app.got_subcommand("checkout")) return CheckoutCommand(checkout);
  if (app.got_subcommand("coupon")) return CouponCommand(coupon);
  if (app.got_subcommand("parking-quote")) return ParkingQuoteCommand(quote);
  if (app.got_subcommand("demo")) return DemoCommand(demo);
#ifdef ATRIUM_CTL_DATA_FOLDER
  if (app.got_subcommand("day-jobs")) return DayJobsCommand(day);
  if (app.got_subcommand("seed")) return SeedCommand(seed);
#endif
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "atriumctl: " << e.what() << "\n";
    return 1;
  }
}
