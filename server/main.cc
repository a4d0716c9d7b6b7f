// atriumd: the Atrium server. Holds the group's operation log on SQLite in
// a data folder, seeds the demo mall into a new folder, and serves the API,
// the H5 app and the operator console over HTTP until SIGINT or SIGTERM.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>

#include "api/api.h"
#include "api/catalogue_files.h"
#include "app/data_folder.h"
#include "app/day_job_runner.h"
#include "app/demo_seed.h"
#include "atrium/auth/crypto.h"
#include "atrium/codec/mall_files.h"
#include "http/http_server.h"
#include "pay/http_provider.h"
#include "pay/payment_desk.h"

namespace atrium::server {
namespace {

struct Flags {
  std::string data = "data";
  std::string demo = "shared/demo-mall";
  std::string web = "build/wasm/web/app";  // built by the wasm preset
  std::string console = "server/console";
  bool reset = false;
  int64_t members = 1000;
  int64_t member_visits = 24;
  HttpOptions http;
  int64_t device_rate = 600'000;
  // The payment provider (tools/paysim in the demo) and the merchant key
  // shared with it; none: fees above zero cannot be paid here.
  std::string pay_url;
  std::string pay_key_file;
  // Where the provider and payers reach this server; by default
  // http://address:port.
  std::string public_url;
};

const char kUsage[] =
    "usage: atriumd [--data DIR] [--reset] [--demo DIR] [--members N]\n"
    "               [--member-visits MAX]\n"
    "               [--address A] [--port P] [--threads N] [--web DIR]\n"
    "               [--console DIR] [--device-rate PER_MINUTE]\n"
    "               [--pay-url http://HOST:PORT --pay-key-file FILE]\n"
    "               [--public-url http://HOST:PORT]\n";

std::mutex log_mu;

void Log(std::string_view line) {
  std::lock_guard lock(log_mu);
  std::cerr << FormatIso8601(Timestamp::FromUnixSeconds(std::time(nullptr)))
            << " " << line << std::endl;
}

bool ParseFlags(int argc, char** argv, Flags& f) {
  int64_t port = f.http.port;
  int64_t threads = f.http.threads;
  const std::map<std::string_view, std::string*> texts = {
      {"--data", &f.data},
      {"--demo", &f.demo},
      {"--web", &f.web},
      {"--console", &f.console},
      {"--address", &f.http.address},
      {"--pay-url", &f.pay_url},
      {"--pay-key-file", &f.pay_key_file},
      {"--public-url", &f.public_url}};
  const std::map<std::string_view, int64_t*> numbers = {
      {"--port", &port},
      {"--threads", &threads},
      {"--members", &f.members},
      {"--member-visits", &f.member_visits},
      {"--device-rate", &f.device_rate}};
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "--reset") {
      f.reset = true;
      continue;
    }
    if (i + 1 >= argc) return false;
    const char* value = argv[++i];
    if (auto t = texts.find(flag); t != texts.end()) {
      *t->second = value;
      continue;
    }
    auto n = numbers.find(flag);
    char* end = nullptr;
    if (n == numbers.end()) return false;
    *n->second = std::strtoll(value, &end, 10);
    if (end == value || *end != '\0') return false;
  }
  if (port < 0 || port > 65535 || threads < 1 || threads > 256 ||
      f.members < 0 || f.member_visits < 2 || f.member_visits > 1000 ||
      f.device_rate < 1) {
    return false;
  }
  f.http.port = static_cast<uint16_t>(port);
  f.http.threads = static_cast<int>(threads);
  return true;
}

Status AddDemoAccess(Credentials& c, const std::string& demo_dir) {
  StatusOr<codec::Json> file = codec::ReadJsonFile(demo_dir + "/access.json");
  if (!file.ok()) return file.status();
  for (const auto& d : (*file)["devices"]) {
    ATRIUM_RETURN_IF_ERROR(
        c.AddDevice({d["id"], d["kind"], d["mall_id"], d.value("store_id", "")},
                    d["key"].get<std::string>()));
  }
  for (const auto& o : (*file)["operators"]) {
    StatusOr<Role> role = ParseRole(o["role"].get<std::string>());
    if (!role.ok()) return role.status();
    ATRIUM_RETURN_IF_ERROR(
        c.AddOperator(o["name"], *role, o["password"].get<std::string>()));
  }
  return Status::Ok();
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
  if (f.reset) {
    for (const char* name : {"atrium.db", "atrium.db-wal", "atrium.db-shm",
                             "auth.db", "auth.db-wal", "auth.db-shm",
                             "codes.db", "codes.db-wal", "codes.db-shm"}) {
      fs::remove(fs::path(f.data) / name);
    }
  }
  StatusOr<std::vector<std::string>> narrowed = PrepareDataFolder(f.data);
  if (!narrowed.ok()) return Log(narrowed.status().message()), 1;
  for (const std::string& name : *narrowed) {
    Log("made " + name + " readable by this user only");
  }
  const std::string log_path = f.data + "/atrium.db";
  const bool fresh = !fs::exists(log_path);

  StatusOr<std::string> key = LoadOrMakeKey(f.data + "/server.key");
  if (!key.ok()) return Log(key.status().message()), 1;
  StatusOr<codec::MallFiles> files = codec::LoadMallFiles(f.demo);
  if (!files.ok()) return Log(files.status().message()), 1;
  StatusOr<std::unique_ptr<Service>> service =
      Service::Open(log_path, files->program, SystemNow);
  if (!service.ok())
    return Log("opening the log: " + service.status().message()), 1;
  StatusOr<std::unique_ptr<Credentials>> credentials =
      Credentials::Open(f.data + "/auth.db", auth::HmacSha256(*key, "devices"));
  if (!credentials.ok()) return Log(credentials.status().message()), 1;

  if (fresh) {
    Log("seeding the demo mall with " + std::to_string(f.members) +
        " generated members...");
    StatusOr<SeedCounts> seeded = (*service)->WithLog([&](store::OpLog& log) {
      return SeedDemo(log, f.demo,
                      {f.members, static_cast<int>(f.member_visits)},
                      SystemNow());
    });
    if (!seeded.ok()) return Log("seeding: " + seeded.status().message()), 1;
    if (Status s = AddDemoAccess(**credentials, f.demo); !s.ok()) {
      return Log("seeding access: " + s.message()), 1;
    }
    Log("seeded " + std::to_string(seeded->members) + " members, " +
        std::to_string(seeded->operations) + " operations");
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
  ctx.plate_key = auth::HmacSha256(*key, "plates");
  ctx.op_id_key = auth::HmacSha256(*key, "operation-ids");
  ServeCatalogueFiles(std::move(*files), ctx);
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
  HttpServer server(f.http, [&api](const Request& req, const Respond& respond) {
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
            << "Ctrl-C stops it; the data stays for the next start (--reset "
               "starts afresh)."
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
  atrium::server::RestrictNewFiles();  // before any file is made
  atrium::server::Flags flags;
  try {
    if (!atrium::server::ParseFlags(argc, argv, flags)) {
      std::cerr << atrium::server::kUsage;
      return 2;
    }
    return atrium::server::Run(flags);
  } catch (const std::exception& e) {
    std::cerr << "atriumd: " << e.what() << "\n";
    return 1;
  }
}
