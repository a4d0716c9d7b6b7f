#include "load_scenarios.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "atrium/auth/crypto.h"
#include "atrium/auth/member_code.h"
#include "atrium/auth/token.h"
#include "http_client.h"

namespace atrium::load {
namespace {

using Clock = std::chrono::steady_clock;

const std::string kTill = "Device pos-xinjie-01:demo-pos-xinjie-01-key";

Timestamp Now() { return Timestamp::FromUnixSeconds(std::time(nullptr)); }

std::string MemberId(int64_t i) {
  char id[32];
  std::snprintf(id, sizeof id, "G%07lld", static_cast<long long>(i));
  return id;
}

std::string Post(const std::string& target, const std::string& auth,
                 const std::string& key, const std::string& body) {
  std::string raw = "POST " + target +
                    " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + auth +
                    "\r\n";
  if (!key.empty()) raw += "Idempotency-Key: " + key + "\r\n";
  raw += "Content-Type: application/json\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
  return raw;
}

// One client thread's work: `next(thread, n)` gives its n-th request, or
// "" when it is done; `seen` learns each answer.
using NextRequest = std::function<std::string(int thread, int64_t n)>;
using Seen = std::function<void(int thread, const HttpReply& reply)>;

LoadReport Drive(const LoadOptions& o, const std::string& name,
                 const NextRequest& next, const Seen& seen) {
  std::mutex mu;
  LoadReport report;
  report.scenario = name;
  std::vector<uint32_t> latencies_us;
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::seconds(o.seconds);
  std::vector<std::thread> threads;
  threads.reserve(static_cast<size_t>(o.connections));
  for (int t = 0; t < o.connections; ++t) {
    threads.emplace_back([&, t] {
      Connection c(o.port);
      std::vector<uint32_t> mine;
      std::map<int, int64_t> statuses;
      for (int64_t n = 0; Clock::now() < deadline; ++n) {
        std::string raw = next(t, n);
        if (raw.empty()) break;
        const auto sent = Clock::now();
        HttpReply r = c.Request(raw);
        mine.push_back(static_cast<uint32_t>(
            std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() -
                                                                  sent)
                .count()));
        ++statuses[r.status];
        if (seen) seen(t, r);
        if (r.status == 0) break;  // the connection is gone
      }
      std::lock_guard lock(mu);
      latencies_us.insert(latencies_us.end(), mine.begin(), mine.end());
      for (const auto& [s, n] : statuses) report.by_status[s] += n;
    });
  }
  for (auto& t : threads) t.join();
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  report.requests = static_cast<int64_t>(latencies_us.size());
  report.per_second = static_cast<double>(report.requests) / report.seconds;
  std::sort(latencies_us.begin(), latencies_us.end());
  auto pct = [&](double p) {
    if (latencies_us.empty()) return 0.0;
    size_t i =
        static_cast<size_t>(p * static_cast<double>(latencies_us.size() - 1));
    return latencies_us[i] / 1000.0;
  };
  report.p50_ms = pct(0.50);
  report.p99_ms = pct(0.99);
  return report;
}

// Scans members so that the till may earn for them (fresh codes: one scan
// per member per window).
Status ScanAll(const LoadOptions& o, const auth::MemberCodeSigner& codes,
               int64_t first, int64_t count) {
  Connection c(o.port);
  bool waited = false;
  for (int64_t i = first; i < first + count; ++i) {
    const std::string code =
        codes.Current(atrium::MemberId{MemberId(i)}, Now()).text;
    HttpReply r = c.Request(
        Post("/api/v1/pos/scan", kTill, "", R"({"code":")" + code + "\"}"));
    if (r.status == 409 && !waited) {
      // Scanned in this window by an earlier run: the next window's code.
      waited = true;
      std::this_thread::sleep_for(std::chrono::seconds(
          auth::kMemberCodeWindowSeconds -
          Now().unix_seconds() % auth::kMemberCodeWindowSeconds));
      --i;
      continue;
    }
    if (r.status != 200) {
      return Unavailable("scanning " + MemberId(i) + ": " +
                         std::to_string(r.status) + " " + r.body);
    }
  }
  return Status::Ok();
}

}  // namespace

StatusOr<LoadReport> RunEarn(const LoadOptions& o) {
  const auth::MemberCodeSigner codes(
      auth::HmacSha256(o.server_key, "member-codes"));
  // Many members, as at a mall's tills, each scanned once first.
  constexpr int64_t kMembersPerThread = 64;
  const int64_t members = o.connections * kMembersPerThread;
  if (members > o.members) {
    return InvalidArgument("earn needs " + std::to_string(members) +
                           " generated members");
  }
  ATRIUM_RETURN_IF_ERROR(ScanAll(o, codes, 1, members));
  const std::string run = std::to_string(std::time(nullptr));
  const std::string at =
      FormatIso8601(Timestamp::FromUnixSeconds(Now().unix_seconds() - 60));
  LoadReport r = Drive(
      o, "pos-earn",
      [&](int t, int64_t n) {
        const std::string id =
            "L" + run + "-" + std::to_string(t) + "-" + std::to_string(n);
        const std::string member =
            MemberId(1 + t * kMembersPerThread + n % kMembersPerThread);
        const std::string body =
            R"({"receipt":{"id":")" + id +
            R"(","mall_id":"m-xinjie","store_id":"s-105","member_id":")" +
            member + R"(","at":")" + at +
            R"(","lines":[{"category":"beauty","amount_fen":)" +
            std::to_string(10000 + n % 40000) + "}]}}";
        return Post("/api/v1/pos/receipts", kTill, id, body);
      },
      nullptr);
  r.ok = r.by_status[200] == r.requests;
  r.check = r.ok ? "every earn answered 200 (durable: after its commit)"
                 : "some earns were not answered 200";
  return r;
}

StatusOr<LoadReport> RunScan(const LoadOptions& o) {
  const auth::MemberCodeSigner codes(
      auth::HmacSha256(o.server_key, "member-codes"));
  // The server takes a member's code once per 30-second window, at any
  // till: the driver never presents a (member, window) twice. It takes
  // members from the top of the range down (the earn scenario scanned from
  // the bottom up, maybe in this very window), remembers the window each
  // was last shown in, and when it comes round to a member shown in this
  // window already, waits for the next.
  std::vector<std::atomic<int64_t>> shown(static_cast<size_t>(o.members));
  for (auto& w : shown) w = -1;
  auto member_of = [&](int64_t n) { return o.members - n % o.members; };
  auto scan = [&](int64_t member, Timestamp at) {
    const std::string code =
        codes.Current(atrium::MemberId{MemberId(member)}, at).text;
    return Post("/api/v1/pos/scan", kTill, "", R"({"code":")" + code + "\"}");
  };
  auto window_of = [](Timestamp t) {
    return t.unix_seconds() / auth::kMemberCodeWindowSeconds;
  };
  // A till reads codes off phones: the driver makes them before the clock
  // starts, so that the server's figure is not the driver's HMACs. A code
  // scans in its window and the next, so ones made now serve a run of half
  // a window; a longer run makes each as it goes.
  std::vector<std::string> ready;
  if (o.seconds <= auth::kMemberCodeWindowSeconds / 2) {
    const Timestamp at = Now();
    ready.resize(static_cast<size_t>(std::min<int64_t>(o.members, 500'000)));
    for (size_t i = 0; i < ready.size(); ++i) {
      const int64_t m = member_of(static_cast<int64_t>(i));
      ready[i] = scan(m, at);
      shown[static_cast<size_t>(m - 1)] = window_of(at);
    }
  }
  std::atomic<int64_t> next_member{0};
  LoadReport r = Drive(
      o, "pos-scan",
      [&](int, int64_t) {
        const int64_t n = next_member++;
        if (n < static_cast<int64_t>(ready.size())) {
          return ready[static_cast<size_t>(n)];
        }
        const int64_t m = member_of(n);
        Timestamp at = Now();
        while (shown[static_cast<size_t>(m - 1)].exchange(window_of(at)) >=
               window_of(at)) {
          std::this_thread::sleep_for(std::chrono::seconds(
              auth::kMemberCodeWindowSeconds -
              at.unix_seconds() % auth::kMemberCodeWindowSeconds));
          at = Now();
        }
        return scan(m, at);
      },
      nullptr);
  r.ok = r.by_status[200] == r.requests;
  r.check =
      r.ok ? "every scan answered the member's summary" : "some scans failed";
  return r;
}

StatusOr<LoadReport> RunFlashSale(const LoadOptions& options, int64_t stock,
                                  int64_t claims, int64_t claimers) {
  LoadOptions o = options;
  o.seconds = 600;  // a cap: the sale ends when every claim is answered
  if (claimers > o.members) {
    return InvalidArgument("the flash sale needs " + std::to_string(claimers) +
                           " generated members");
  }
  const Timestamp now = Now();
  auth::TokenSigner signer(auth::HmacSha256(o.server_key, "tokens"));
  const Timestamp expires =
      Timestamp::FromUnixSeconds(now.unix_seconds() + 3600);
  const std::string marketing =
      signer.Issue({"operator", "load", "marketing", expires, ""});
  const std::string template_id = "flash-" + std::to_string(now.unix_seconds());
  const std::string body =
      R"({"template":{"id":")" + template_id +
      R"(","name":"限时抢券","mall_id":"m-xinjie","kind":"cash_off","amount_fen":2000,"valid_from":")" +
      FormatIso8601(Timestamp::FromUnixSeconds(now.unix_seconds() - 86400)) +
      R"(","valid_until":")" +
      FormatIso8601(Timestamp::FromUnixSeconds(now.unix_seconds() +
                                               int64_t{30} * 86400)) +
      R"(","total_stock":)" + std::to_string(stock) +
      R"(,"per_member_total":1}})";
  HttpReply added =
      Call(o.port, "POST", "/api/v1/operator/coupon-templates", body,
           {{"Authorization", "Bearer " + marketing},
            {"Idempotency-Key", template_id}});
  if (added.status != 201) {
    return Unavailable("adding the template: " + std::to_string(added.status) +
                       " " + added.body);
  }
  std::vector<std::string> tokens;
  for (int64_t i = 1; i <= claimers; ++i) {
    tokens.push_back("Bearer " +
                     signer.Issue({"member", MemberId(i), "", expires, ""}));
  }
  std::atomic<int64_t> next{0};
  std::mutex mu;
  std::vector<std::string> winners;
  // Request n's member, per thread: replies come back in order.
  std::vector<std::vector<int64_t>> asked(static_cast<size_t>(o.connections));
  const std::string claim = R"({"template_id":")" + template_id + "\"}";
  LoadReport r = Drive(
      o, "flash-sale",
      [&](int t, int64_t) -> std::string {
        const int64_t n = next++;
        if (n >= claims) return "";
        asked[static_cast<size_t>(t)].push_back(n % claimers);
        return Post("/api/v1/me/coupons",
                    tokens[static_cast<size_t>(n % claimers)],
                    template_id + "-" + std::to_string(n), claim);
      },
      [&](int t, const HttpReply& reply) {
        if (reply.status != 201) return;
        std::lock_guard lock(mu);
        winners.push_back(MemberId(asked[static_cast<size_t>(t)].back() + 1));
      });
  const std::set<std::string> distinct(winners.begin(), winners.end());
  r.ok = static_cast<int64_t>(winners.size()) == stock &&
         distinct.size() == winners.size() && r.requests == claims;
  r.check = std::to_string(winners.size()) + " issued of stock " +
            std::to_string(stock) + " to " + std::to_string(distinct.size()) +
            " distinct members, " + std::to_string(r.requests) + " claims";
  return r;
}

}  // namespace atrium::load
