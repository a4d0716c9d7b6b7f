// The parking payment round trip: a car parked two hours, the kiosk opens
// an order for its fee, the driver pays on the provider's page (paysim),
// the provider's notification confirms it, and the gate opens. One car at
// a time, so each figure is one whole round trip.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <thread>

#include "atrium/codec/json_reader.h"
#include "http_client.h"
#include "load_scenarios.h"

namespace atrium::load {
namespace {

using Clock = std::chrono::steady_clock;

// The demo's devices (shared/demo-mall/access.json).
const std::map<std::string, std::string> kKiosk = {
    {"Authorization", "Device kiosk-xinjie-1f:demo-kiosk-xinjie-1f-key"},
    {"Content-Type", "application/json"}};
const std::map<std::string, std::string> kGate = {
    {"Authorization", "Device gate-xinjie-b2:demo-gate-xinjie-b2-key"},
    {"Content-Type", "application/json"}};

std::map<std::string, std::string> Keyed(
    std::map<std::string, std::string> headers, const std::string& key) {
  headers["Idempotency-Key"] = key;
  return headers;
}

Timestamp Now() { return Timestamp::FromUnixSeconds(std::time(nullptr)); }

codec::Json Body(const HttpReply& r) {
  StatusOr<codec::Json> j = codec::ParseJson(r.body);
  return j.ok() ? *j : codec::Json::object();
}

}  // namespace

StatusOr<LoadReport> RunParkingPayments(const LoadOptions& o,
                                        uint16_t paysim_port, int count) {
  LoadReport report;
  report.scenario = "parking-payment";
  const std::string run = std::to_string(Now().unix_seconds() % 100000);
  const std::string since =
      FormatIso8601(Timestamp::FromUnixSeconds(Now().unix_seconds() - 7200));
  std::vector<double> ms;
  const Clock::time_point began = Clock::now();
  for (int i = 0; i < count; ++i) {
    char plate[32];
    std::snprintf(plate, sizeof plate, "沪Q%05d",
                  (i + std::stoi(run)) % 100000);
    const std::string body = std::string(R"({"plate":")") + plate + "\"";
    const std::string key = "pay-" + run + "-" + std::to_string(i);
    HttpReply in = Call(o.port, "POST", "/api/v1/parking/entries",
                        body + R"(,"entered_at":")" + since + "\"}",
                        Keyed(kGate, key + "-in"));
    if (in.status != 201) return Unavailable("entry: " + in.body);
    const Clock::time_point start = Clock::now();
    HttpReply quote =
        Call(o.port, "POST", "/api/v1/parking/quotes", body + "}", kKiosk);
    const int64_t due = Body(quote).value("due_fen", int64_t{0});
    HttpReply opened = Call(o.port, "POST", "/api/v1/parking/payments",
                            body + R"(,"due_fen":)" + std::to_string(due) + "}",
                            Keyed(kKiosk, key + "-pay"));
    ++report.by_status[opened.status];
    const std::string no = Body(opened).value("order_no", "");
    if (opened.status != 201 || no.empty()) {
      return Unavailable("order: " + opened.body);
    }
    // The driver's phone pays on the cashier page.
    HttpReply paid = Call(paysim_port, "POST", "/h5/" + no + "/pay", "", {});
    if (paid.status != 303 && paid.status != 200) {
      return Unavailable("paying at the provider: " + paid.body);
    }
    // The kiosk sees it paid (the notification reached the server); the
    // gate lets the car out.
    for (int polls = 0;; ++polls) {
      HttpReply order =
          Call(o.port, "GET", "/api/v1/parking/payments/" + no, "", kKiosk);
      if (Body(order).value("status", "") == "paid") break;
      if (polls > 5000) return Unavailable("never confirmed: " + no);
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    HttpReply out = Call(o.port, "POST", "/api/v1/parking/exits", body + "}",
                         Keyed(kGate, key + "-out"));
    ++report.by_status[out.status];
    if (out.status != 200) return Unavailable("exit: " + out.body);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start)
                     .count());
  }
  report.seconds = std::chrono::duration<double>(Clock::now() - began).count();
  report.requests = static_cast<int64_t>(ms.size());
  report.per_second = static_cast<double>(ms.size()) / report.seconds;
  std::sort(ms.begin(), ms.end());
  report.p50_ms = ms[ms.size() / 2];
  report.p99_ms = ms[(ms.size() - 1) * 99 / 100];
  report.check = std::to_string(ms.size()) +
                 " cars paid through the provider and let out, each once";
  return report;
}

}  // namespace atrium::load
