// atriumd: the Atrium server. Holds the group's operation log on SQLite in
// a data folder (`atriumctl seed` fills a new one with the demo mall), and
// serves the API, the H5 app and the operator console over HTTP until
// SIGINT or SIGTERM.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>

#include "api/api.h"
#include "api/catalogue_files.h"
#include "app/day_job_runner.h"
#include "atrium/auth/crypto.h"
#include "atrium/auth/data_folder.h"
#include "atrium/codec/mall_files.h"
#include "atrium/net/http_server.h"
#include "pay/http_provider.h"
#include "pay/payment_desk.h"

namespace atrium::server {
namespace {

struct Flags {
  std::string data = "data";
  std::string demo = "shared/demo-mall";
  std::string web = "build/wasm/web/app";  // built by the wasm preset
  std::string console = "server/console";
  net::HttpOptions http;
  int64_t device_rate = 600'000;
  // The payment provider (tools/paysim in the demo) and the merchant key
  // shared with it; none: fees above zero cannot be paid here.
  std::string pay_url;
  std::string pay_key_file;
  // Where the provider and payers reach this server; by default
  // http://address:port.
  std::string public_url;
};

std::mutex log_mu;

void Log(std::string_view line) {
  std::lock_guard lock(log_mu);
  std::cerr << FormatIso8601(Timestamp::FromUnixSeconds(std::time(nullptr)))
            << " " << line << std::endl;
}

// The command line; --help lists every flag with its default. None when
// the server is to run, else the exit code (0 after --help, 2 for bad
// flags).
std::optional<int> ParseFlags(int argc, char** argv, Flags& f) {
  CLI::App app(
      "atriumd: the Atrium server (REST API, sync, operator "
      "console, the H5 app) over SQLite");
  app.add_option("--data", f.data, "the data folder (created if new)")
      ->capture_default_str();
  app.add_option("--demo", f.demo, "the mall folder: programme, map, access")
      ->capture_default_str();
  app.add_option("--address", f.http.address, "the address to listen on")
      ->capture_default_str();
  app.add_option("--port", f.http.port, "the port to listen on")
      ->capture_default_str();
  app.add_option("--threads", f.http.threads, "HTTP threads")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  app.add_option("--web", f.web, "the H5 app's folder, served at /app/")
      ->capture_default_str();
  app.add_option("--console", f.console,
                 "the operator console's folder, served at /console/")
      ->capture_default_str();
  app.add_option("--device-rate", f.device_rate,
                 "requests a device may make per minute")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--pay-url", f.pay_url,
                 "the payment provider, http://HOST:PORT (none: fees above "
                 "zero cannot be paid)");
  app.add_option("--pay-key-file", f.pay_key_file,
                 "a file whose first line is the merchant key");
  app.add_option("--public-url", f.public_url,
                 "where the provider and payers reach this server "
                 "(default: http://address:port)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::ParseError& e) {
    (void)app.exit(e);
    return 2;
  }
  return std::nullopt;
}

// The merchant's API key for the payment provider: the first line of the
// file, 16 characters or more.
StatusOr<std::string> ReadPayKey(const std::string& path) {
  std::ifstream in(path);
  std::string key;
  if (path.empty() || !std::getline(in, key) || key.size() < 16) {
    return InvalidArgument(
        "--pay-key-file: a file whose first line is the merchant key (16+ "
        "characters)");
  }
  return key;
}

Timestamp SystemNow() { return Timestamp::FromUnixSeconds(std::time(nullptr)); }

int Run(const Flags& f) {
  namespace fs = std::filesystem;
  if (Status s = auth::InitCrypto(); !s.ok()) return Log(s.message()), 1;
  StatusOr<std::vector<std::string>> narrowed = auth::PrepareDataFolder(f.data);
  if (!narrowed.ok()) return Log(narrowed.status().message()), 1;
  for (const std::string& name : *narrowed) {
    Log("made " + name + " readable by this user only");
  }
  const std::string log_path = f.data + "/atrium.db";
  const bool fresh = !fs::exists(log_path);

  StatusOr<std::string> key = auth::LoadOrMakeKey(f.data + "/server.key");
  if (!key.ok()) return Log(key.status().message()), 1;
  StatusOr<codec::MallFiles> files = codec::LoadMallFiles(f.demo);
  if (!files.ok()) return Log(files.status().message()), 1;
  StatusOr<std::unique_ptr<Service>> service =
      Service::Open(log_path, files->program, SystemNow);
  if (!service.ok())
    return Log("opening the log: " + service.status().message()), 1;
  StatusOr<std::unique_ptr<Credentials>> credentials =
      Credentials::OpenInDataFolder(f.data, *key);
  if (!credentials.ok()) return Log(credentials.status().message()), 1;

  if (fresh) {
    Log("a new data folder: no members, devices or operators yet (`atriumctl "
        "seed --data " +
        f.data + "` seeds the demo mall into a new folder)");
  }

  MemberCodes member_codes(auth::HmacSha256(*key, "member-codes"));
  if (Status s = member_codes.Persist(f.data + "/codes.db"); !s.ok()) {
    return Log("opening codes.db: " + s.message()), 1;
  }
  SignInCodes sign_in_codes(LogCodeSender(Log));
  ApiLimits limits;
  limits.requests_per_device_minute = f.device_rate;
  ApiContext ctx(**service, **credentials,
                 auth::TokenSigner(auth::HmacSha256(*key, "tokens")),
                 member_codes, sign_in_codes, limits, Log);
  ctx.plates.key = auth::HmacSha256(*key, "plates");
  ctx.ops.op_id_key = auth::HmacSha256(*key, "operation-ids");
  ctx.catalogue = CatalogueOf(std::move(*files));
  const std::string base =
      f.public_url.empty()
          ? "http://" + f.http.address + ":" + std::to_string(f.http.port)
          : f.public_url;
  std::unique_ptr<PaymentProvider> provider;
  std::unique_ptr<PaymentDesk> payments;
  if (!f.pay_url.empty()) {
    StatusOr<HttpEndpoint> at = HttpEndpoint::Parse(f.pay_url);
    StatusOr<std::string> pay_key = ReadPayKey(f.pay_key_file);
    if (!at.ok()) return Log("--pay-url: " + at.status().message()), 1;
    if (!pay_key.ok()) return Log(pay_key.status().message()), 1;
    provider = std::make_unique<HttpProvider>(
        HttpProviderOptions{*at, *pay_key, base + "/api/v1/payments/notify",
                            base + "/app/#parking"},
        SystemNow);
    payments = std::make_unique<PaymentDesk>(**service, *provider);
    payments->Start();
    ctx.payments = payments.get();
    Log("payments through " + f.pay_url);
  }
  // Points expiry and tier reviews at the start of each business day, and
  // the days missed while the server was down.
  DayJobRunner day_jobs(**service);
  day_jobs.Start();
  Api api(ctx, {StaticFiles("/app/", f.web),
                StaticFiles("/console/", f.console, ConsoleHeaders())});
  net::HttpServer server(f.http,
                         [&api](const Request& req, const Respond& respond) {
                           api.Handle(req, respond);
                         });
  std::string error;
  if (!server.Start(error)) return Log("cannot listen: " + error), 1;
  std::cout << "atriumd: the demo mall is up (data in " << f.data << ")\n"
            << "  member app (H5):   " << base << "/app/\n"
            << "  operator console:  " << base << "/console/\n"
            << "  health:            " << base << "/healthz\n"
            << "  API reference:     shared/api/README.md\n"
            << "  demo credentials:  " << f.demo << "/access.json\n"
            << "Ctrl-C stops it; the data stays for the next start."
            << std::endl;
  server.RunUntilSignalled();
  Log("stopped accepting; in-flight requests answered");
  payments.reset();  // its sweeps and calls out end before the store closes
  day_jobs.Stop();
  service->reset();  // applies what is queued, then closes the log
  Log("store closed");
  return 0;
}

}  // namespace
}  // namespace atrium::server

int main(int argc, char** argv) {
  atrium::auth::RestrictNewFiles();  // before any file is made
  atrium::server::Flags flags;
  try {
    if (const std::optional<int> exit =
            atrium::server::ParseFlags(argc, argv, flags)) {
      return *exit;
    }
    return atrium::server::Run(flags);
  } catch (const std::exception& e) {
    std::cerr << "atriumd: " << e.what() << "\n";
    return 1;
  }
}
