// atrium-kiosk's screens under Xvfb, driven by scripts as a person would
// use them, checked by their pixels, their text layer (the labels of what
// can be touched, and the lines a person reads) and a real QR decoder: the
// guide shows the H5 app's QR code, finds 星巴克 by its initials and draws
// the walk there, and serves a member who scans their code; the parking
// kiosk finds a parked car, shows its fee, takes a member's code and
// payment, and the server has the payment.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "server/test_server.h"
#include "store/temp_dir.h"

namespace atrium::testing {
namespace {

#ifdef ATRIUM_KIOSK_BIN

struct Picture {
  int width = 0;
  int height = 0;
  std::vector<unsigned char> rgb;
  // How many pixels are exactly this colour.
  int Count(unsigned char r, unsigned char g, unsigned char b) const {
    int n = 0;
    for (size_t i = 0; i + 2 < rgb.size(); i += 3) {
      if (rgb[i] == r && rgb[i + 1] == g && rgb[i + 2] == b) ++n;
    }
    return n;
  }
};

Picture ReadPpm(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string magic;
  int max = 0;
  Picture p;
  in >> magic >> p.width >> p.height >> max;
  in.get();
  p.rgb.resize(static_cast<size_t>(p.width) * p.height * 3);
  in.read(reinterpret_cast<char*>(p.rgb.data()),
          static_cast<std::streamsize>(p.rgb.size()));
  EXPECT_EQ(magic, "P6") << path;
  return p;
}

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool Has(const std::vector<std::string>& lines, const std::string& text) {
  for (const std::string& l : lines) {
    if (l.find(text) != std::string::npos) return true;
  }
  return false;
}

// Runs the kiosk on a headless X server with `script`; its exit status.
int RunKiosk(const TempDir& dir, const std::string& flags,
             const std::string& script) {
  const std::string path = dir.File("run.script");
  std::ofstream(path) << script;
  const std::string command =
      "ASAN_OPTIONS=detect_leaks=0 xvfb-run -a -s '-screen 0 1920x1080x24' " +
      std::string(ATRIUM_KIOSK_BIN) + " --demo " + ATRIUM_SHARED_DIR +
      "/demo-mall --replica " + dir.File("replica.db") + " " + flags +
      " --script " + path + " >" + dir.File("log") + " 2>&1";
  return std::system(command.c_str());
}

// What a real QR decoder (zbarimg) reads on the picture at `path`.
std::string DecodeQr(const std::string& path) {
  std::string out;
  FILE* pipe =
      popen(("zbarimg --raw -q " + path + " 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) return out;
  char buf[256];
  while (fgets(buf, sizeof buf, pipe) != nullptr) out += buf;
  pclose(pipe);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// The colours guide_screen.cc draws the chosen store and the walk in.
constexpr unsigned char kChosen[] = {192, 57, 43};
constexpr unsigned char kRoute[] = {30, 110, 220};

TEST(KioskScreenTest, TheGuideShowsTheAppFindsAStoreAndDrawsTheWay) {
  TempDir dir;
  const std::string before = dir.File("before.ppm");
  const std::string after = dir.File("after.ppm");
  const std::string app = "http://mall.example/app/?mall=m-xinjie";
  // No server (nothing listens on port 1): the guide needs none.
  const std::string campaigns = dir.File("campaigns.ppm");
  const std::string script = "frames 2\nshot " + before +
                             "\ntype XBK\ntap 星巴克\nsync\nframes 2\nshot " +
                             after + "\ntap 活动\nframes 2\nshot " + campaigns +
                             "\n";
  ASSERT_EQ(RunKiosk(dir,
                     "--mode guide --device kiosk-xinjie-1f --server "
                     "127.0.0.1:1 --app-url " +
                         app,
                     script),
            0)
      << ReadAll(dir.File("log"));
  // Until a store is chosen, a phone can scan the way into the H5 app.
  EXPECT_EQ(DecodeQr(before), app);
  const Picture none = ReadPpm(before);
  ASSERT_EQ(none.width, 1920);
  EXPECT_EQ(none.Count(kChosen[0], kChosen[1], kChosen[2]), 0);
  EXPECT_EQ(none.Count(kRoute[0], kRoute[1], kRoute[2]), 0);
  const Picture chosen = ReadPpm(after);
  EXPECT_GT(chosen.Count(kChosen[0], kChosen[1], kChosen[2]), 1000);
  EXPECT_GT(chosen.Count(kRoute[0], kRoute[1], kRoute[2]), 200);
  // The list holds only what matches; the route names its floor.
  const std::vector<std::string> shown = ReadLines(after + ".targets");
  EXPECT_TRUE(Has(shown, "星巴克"));
  EXPECT_FALSE(Has(shown, "喜茶"));
  EXPECT_TRUE(Has(shown, "1F"));
  EXPECT_TRUE(Has(shown, "离线"));  // the header, once it has tried
  // The programme's campaigns, not its tier multipliers.
  const std::vector<std::string> on = ReadLines(campaigns + ".targets");
  EXPECT_TRUE(Has(on, "每月8日会员日双倍积分"));
  EXPECT_TRUE(Has(on, "深夜场电影1.5倍积分"));
  EXPECT_FALSE(Has(on, "金卡1.5倍积分"));
}

TEST(KioskScreenTest, AMemberSignsInAtTheGuideAndClaimsACoupon) {
  TestServer s;
  ASSERT_EQ(s.Post("/api/v1/operator/coupon-templates",
                   CouponTemplateBody("guide-gift", 0),
                   Bearer(s.OperatorToken("admin", "demo-admin-pass")), "t")
                .status,
            201);
  const std::string token = s.SignIn("15012345678");
  TempDir dir;
  const std::string shot = dir.File("claimed.ppm");
  const std::string script = "sync\nframes 2\nscan " + s.MemberCode(token) +
                             "\nframes 2\ntap 领取 · guide-gift\nsync\n"
                             "frames 2\nshot " +
                             shot + "\n";
  ASSERT_EQ(RunKiosk(dir,
                     "--mode guide --device kiosk-xinjie-1f --key "
                     "demo-kiosk-xinjie-1f-key --server 127.0.0.1:" +
                         std::to_string(s.port()),
                     script),
            0)
      << ReadAll(dir.File("log"));
  const std::vector<std::string> shown = ReadLines(shot + ".targets");
  EXPECT_TRUE(Has(shown, "在线"));
  EXPECT_TRUE(Has(shown, "guide-gift  已到账")) << ReadAll(shot + ".targets");
  EXPECT_FALSE(Has(shown, "领取 · guide-gift"));  // one each
  // The server's wallet holds it.
  const codec::Json wallet =
      s.Get("/api/v1/me/wallet", Bearer(token)).Json()["coupons"];
  ASSERT_EQ(wallet.size(), 1u);
  EXPECT_EQ(wallet[0]["template_id"], "guide-gift");
}

TEST(KioskScreenTest, AParkingKioskTakesAMembersPayment) {
  TestServer s;
  const std::string token = s.SignIn("15012345678");
  ASSERT_EQ(s.Post("/api/v1/parking/entries",
                   {{"plate", "沪A55555"}, {"bay", "B2-A-017"}}, kGate, "in-1")
                .status,
            201);
  s.Advance(3 * 3600);
  const std::string code = s.MemberCode(token);
  HttpReply quote =
      s.Post("/api/v1/parking/quotes", {{"plate", "沪A55555"}}, kKiosk);
  ASSERT_EQ(quote.status, 200);
  const Money due = Money::Fen(quote.Json()["due_fen"].get<int64_t>());
  ASSERT_FALSE(due.is_zero());

  TempDir dir;
  const std::string fee = dir.File("fee.ppm");
  const std::string qr = dir.File("qr.ppm");
  const std::string paid = dir.File("paid.ppm");
  const std::string phone_paid = dir.File("phone-paid");
  const std::string car = dir.File("car.ppm");
  const std::string flags =
      "--mode parking --device kiosk-xinjie-1f --key demo-kiosk-xinjie-1f-key "
      "--server 127.0.0.1:" +
      std::to_string(s.port());
  // The plate typed on the keyboard, province first; the member's code
  // from the scanner; paying.
  const std::string pay = "支付 " + due.ToString();
  // First where the car is (find my car), then its fee.
  const std::string script =
      "frames 2\ntap 沪\ntype A55555\ntap 找车\nshot " + car +
      "\ntap 完成\nframes 2\ntap 沪\ntype A55555\ntap 查询费用\n"
      "frames 2\nscan " +
      code +
      "\nframes 2\n"
      "shot " +
      fee + "\ntap " + pay + "\nframes 2\nshot " + qr + "\nawait " +
      phone_paid + "\nsync\nframes 2\nshot " + paid + "\n";
  // The shopper's phone: pays the order the kiosk opened, once its QR code
  // is on the screen.
  std::thread phone([&s, &phone_paid, &qr] {
    for (int i = 0; i < 500; ++i) {
      if (!std::ifstream(qr + ".targets")) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        continue;
      }
      const std::optional<std::string> no =
          s.service().ReadState([](const sync::GroupState& g) {
            for (const auto& [no, o] : g.payments) {
              if (o.status == sync::PaymentStatus::kOpen) {
                return std::optional<std::string>(no);
              }
            }
            return std::optional<std::string>();
          });
      if (no) {
        s.PayOrder({201, {}, codec::Json{{"order_no", *no}}.dump()}, kKiosk);
        std::ofstream(phone_paid) << *no;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  const int ran = RunKiosk(dir, flags, script);
  phone.join();
  ASSERT_EQ(ran, 0) << ReadAll(dir.File("log"));
  EXPECT_TRUE(Has(ReadLines(qr + ".targets"), "返回"))
      << ReadAll(qr + ".targets");
  const std::vector<std::string> found = ReadLines(car + ".targets");
  EXPECT_TRUE(Has(found, "您的车在 B2 · A区 · 车位 B2-A-017"))
      << ReadAll(car + ".targets");
  EXPECT_TRUE(Has(found, "最近电梯：西侧电梯"));
  EXPECT_TRUE(Has(found, "1F  步行"));  // from the 1F kiosk, down by lift
  EXPECT_TRUE(Has(ReadLines(fee + ".targets"), "支付 " + due.ToString()));
  EXPECT_TRUE(Has(ReadLines(paid + ".targets"), "完成"));
  // The server has the payment: the gate opens.
  EXPECT_EQ(
      s.Post("/api/v1/parking/exits", {{"plate", "沪A55555"}}, kGate, "out-1")
          .status,
      200);
}

// Without the server a parking kiosk cannot know a fee: it says so, and
// where to pay instead.
TEST(KioskScreenTest, AnOfflineParkingKioskSendsTheDriverToTheExit) {
  TempDir dir;
  const std::string shot = dir.File("offline.ppm");
  ASSERT_EQ(RunKiosk(dir, "--mode parking --server 127.0.0.1:1",
                     "frames 2\ntap 沪\ntype A55555\ntap 查询费用\nsync\n"
                     "frames 2\nshot " +
                         shot + "\n"),
            0)
      << ReadAll(dir.File("log"));
  const std::vector<std::string> shown = ReadLines(shot + ".targets");
  EXPECT_TRUE(Has(shown, "离线"));
  EXPECT_TRUE(Has(shown, "请在出口岗亭缴费")) << ReadAll(shot + ".targets");
  EXPECT_TRUE(Has(shown, "查询费用"));  // still on the plate
}

// A server that takes the connection and never answers: the kiosk's call
// waits out its timeout (3 s) on the worker, and meanwhile the screen
// keeps drawing and says it waits; then the driver is told where to pay.
TEST(KioskScreenTest, ASlowServerShowsAWaitNotAFrozenScreen) {
  const int silent = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(silent, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  ASSERT_EQ(bind(silent, reinterpret_cast<sockaddr*>(&addr), len), 0);
  ASSERT_EQ(listen(silent, 8), 0);
  ASSERT_EQ(getsockname(silent, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  TempDir dir;
  const std::string waiting = dir.File("waiting.ppm");
  const std::string after = dir.File("after.ppm");
  const int ran =
      RunKiosk(dir,
               "--mode parking --server 127.0.0.1:" +
                   std::to_string(ntohs(addr.sin_port)),
               "frames 2\ntap 沪\ntype A55555\ntap 查询费用\nshot " + waiting +
                   "\nframes 2\nshot " + after + "\n");
  close(silent);
  ASSERT_EQ(ran, 0) << ReadAll(dir.File("log"));
  const std::vector<std::string> meanwhile = ReadLines(waiting + ".targets");
  EXPECT_TRUE(Has(meanwhile, "正在联系服务器，请稍候"))
      << ReadAll(waiting + ".targets");
  EXPECT_TRUE(Has(meanwhile, "首页"));       // the header is drawn as ever
  EXPECT_FALSE(Has(meanwhile, "查询费用"));  // nothing to tap twice
  const std::vector<std::string> then = ReadLines(after + ".targets");
  EXPECT_TRUE(Has(then, "请在出口岗亭缴费")) << ReadAll(after + ".targets");
  EXPECT_FALSE(Has(then, "正在联系服务器"));
}

#else

TEST(KioskScreenTest, NeedsTheKioskApp) {
  GTEST_SKIP() << "atrium-kiosk is not built here (no Dear ImGui or GLFW)";
}

#endif

}  // namespace
}  // namespace atrium::testing
