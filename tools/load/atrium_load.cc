// atrium_load: drives a running atriumd (started with --device-rate high
// enough for the load) with one scenario and prints its figures (--help
// lists every flag with its default).
//
//   atrium_load --data DIR --port P --scenario earn|scan|flash|pay
//               [--connections N] [--seconds S] [--members M]
//               [--paysim-port P] [--payments N]
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string_view>

#include "atrium/auth/crypto.h"
#include "load_scenarios.h"

int main(int argc, char** argv) {
  using namespace atrium;
  load::LoadOptions o;
  std::string data;
  std::string scenario;
  uint16_t paysim_port = 8090;
  int payments = 1000;
  CLI::App app(
      "atrium_load: drives a running atriumd with one scenario "
      "and prints its figures");
  app.add_option("--data", data, "the server's data folder (its key)")
      ->required();
  app.add_option("--scenario", scenario, "what to drive")
      ->required()
      ->check(CLI::IsMember({"earn", "scan", "flash", "pay"}));
  app.add_option("--port", o.port, "atriumd's port")->capture_default_str();
  app.add_option("--connections", o.connections, "client connections")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--seconds", o.seconds, "how long to drive")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--members", o.members,
                 "generated members the server holds (G0000001..)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--paysim-port", paysim_port, "paysim's port (pay)")
      ->capture_default_str();
  app.add_option("--payments", payments, "cars paid one after another (pay)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::ParseError& e) {
    (void)app.exit(e);
    return 2;
  }
  std::ifstream key_file(data + "/server.key", std::ios::binary);
  o.server_key.assign(std::istreambuf_iterator<char>(key_file), {});
  if (o.server_key.size() != 32 || !auth::InitCrypto().ok()) {
    std::cerr << "atrium_load: --data " << data
              << " holds no server.key: start atriumd with it first\n";
    return 2;
  }
  StatusOr<load::LoadReport> r =
      scenario == "earn"    ? load::RunEarn(o)
      : scenario == "scan"  ? load::RunScan(o)
      : scenario == "flash" ? load::RunFlashSale(o, 1000, 20000, 5000)
      : scenario == "pay"
          ? load::RunParkingPayments(o, paysim_port, payments)
          : StatusOr<load::LoadReport>(InvalidArgument("unknown scenario"));
  if (!r.ok()) {
    std::cerr << "atrium_load: " << r.status().ToString() << "\n";
    return 1;
  }
  std::cout << r->scenario << ": " << r->requests << " requests in "
            << r->seconds << " s = " << static_cast<int64_t>(r->per_second)
            << "/s, p50 " << r->p50_ms << " ms, p99 " << r->p99_ms
            << " ms, connections " << o.connections << "; statuses:";
  for (const auto& [status, n] : r->by_status) {
    std::cout << " " << status << "×" << n;
  }
  std::cout << "\n  check: " << r->check << (r->ok ? " (ok)" : " (FAILED)")
            << std::endl;
  return r->ok ? 0 : 1;
}
